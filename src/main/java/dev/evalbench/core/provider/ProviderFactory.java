package dev.evalbench.core.provider;

import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.Workspace;

/**
 * Builds the provider behind a route, by the route's {@code provider} name. {@code env} supplies API keys
 * by the variable the route names; a factory reads the key it needs and nothing else.
 */
@FunctionalInterface
public interface ProviderFactory {
    ModelProvider create(RouteSpec route, Workspace workspace, java.util.Map<String, String> env) throws ProviderException;
}
