package dev.evalbench.core.provider.scripted;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.provider.ProviderFactory;
import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/**
 * Builds {@link ScriptedProvider}s for routes with {@code provider: scripted}. The rules are read from the route's
 * {@code script} through {@link Workspace#files()}, so a run's stored snapshot replays the same model. The route
 * parameter {@code realtime: true} makes answers take their latency in wall time. Needs no environment.
 *
 * <p>Failures are {@link ProviderException}s of kind {@link FailureKind#INTERNAL} naming the route and file: a
 * missing {@code script}, an unreadable file, or a bad model file, in which case the cause is the
 * {@link WorkspaceException} listing each problem with its line. Stateless; thread-safe.
 */
public final class ScriptedProviderFactory implements ProviderFactory {
    /** The provider name this factory serves. */
    public static final String PROVIDER = "scripted";

    @Override
    public ModelProvider create(RouteSpec route, Workspace workspace, Map<String, String> env) throws ProviderException {
        if (!PROVIDER.equals(route.provider())) {
            throw failure(route, "provider is `" + route.provider() + "`, not `" + PROVIDER + "`", null);
        }
        if (route.script() == null || route.script().isBlank()) {
            throw failure(route, "a scripted route needs `script`, the path of its rules file", null);
        }
        byte[] yaml;
        try {
            yaml = workspace.files().read(route.script());
        } catch (NoSuchFileException e) {
            throw failure(route, route.script() + " does not exist in " + workspace.files().describe(), e);
        } catch (IOException e) {
            throw failure(route, route.script() + " cannot be read: " + e.getMessage(), e);
        }
        ScriptedModel model;
        try {
            model = ScriptedModel.parse(yaml, route.script());
        } catch (WorkspaceException e) {
            throw failure(route, e.getMessage(), e);
        }
        return new ScriptedProvider(model, route.model(), realtime(route));
    }

    private static boolean realtime(RouteSpec route) throws ProviderException {
        JsonNode value = route.params() == null ? null : route.params().get("realtime");
        if (value == null || value.isNull()) return false;
        if (!value.isBoolean()) throw failure(route, "params.realtime must be true or false, found `" + value + "`", null);
        return value.booleanValue();
    }

    private static ProviderException failure(RouteSpec route, String message, Throwable cause) {
        return new ProviderException(FailureKind.INTERNAL, "route " + route.name() + ": " + message, null, -1, cause);
    }
}
