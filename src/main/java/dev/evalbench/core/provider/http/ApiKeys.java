package dev.evalbench.core.provider.http;

import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.workspace.RouteSpec;
import java.util.Map;

/**
 * Reads a route's API key from the environment map, by the variable the route names. A route without
 * {@code api_key_env} has no key (local servers); a route naming a variable that is unset or blank fails with
 * {@link FailureKind#MISSING_KEY}. Messages name the variable, never its value.
 */
final class ApiKeys {
    private ApiKeys() {}

    /** The key, or null when the route names no variable. */
    static String resolve(RouteSpec route, Map<String, String> env) throws ProviderException {
        String variable = route.apiKeyEnv();
        if (variable == null) {
            return null;
        }
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new ProviderException(FailureKind.MISSING_KEY,
                    "route " + route.name() + ": environment variable " + variable + " is not set");
        }
        return value;
    }
}
