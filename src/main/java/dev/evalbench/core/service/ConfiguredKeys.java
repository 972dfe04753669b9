package dev.evalbench.core.service;

import dev.evalbench.core.route.Router;
import dev.evalbench.core.workspace.Workspace;
import java.util.Map;

/**
 * Whether a text holds an API key the workspace's routes read from the environment (an API key, a gateway's secret
 * header), in any form the scrubber knows (raw, escaped, encoded, a long enough fragment): for text the workbench would
 * write outside the workspace on its own, such as unsaved edits kept at a stop nobody was asked about, which are then
 * not kept. Stateless; thread-safe.
 */
public final class ConfiguredKeys {
    private ConfiguredKeys() {}

    /** @param ws the workspace whose routes name the keys; null: none known, so none found */
    public static boolean foundIn(Workspace ws, Map<String, String> env, String text) {
        return ws != null && Router.configuredKeys(ws, env).found(text);
    }
}
