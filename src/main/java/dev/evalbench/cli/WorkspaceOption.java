package dev.evalbench.cli;

import dev.evalbench.core.service.RequestException;
import dev.evalbench.core.service.WorkspaceLocator;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code -w/--workspace DIR}: the one way every command names a workspace. Without it the workspace is the
 * nearest folder, from the current one upwards, that holds {@code evalbench.yaml} (as git finds a repository).
 * {@code run}, {@code gate}, {@code history} and {@code validate} still accept the folder as their first
 * argument, as earlier versions documented; that form is hidden from help.
 */
final class WorkspaceOption {
    static final String HELP = "Workspace folder (default: the nearest folder holding evalbench.yaml, from the current one upwards).";

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", description = HELP)
    Path given;

    /** The workspace a command must read; a missing one is bad input worded as one line. */
    Path require(Path positional) throws RequestException, BadInputException {
        return WorkspaceLocator.locate(named(positional), Path.of("."));
    }

    /** The workspace when one was named or is found; null when none is (a command given --db needs none). */
    Path optional(Path positional) throws RequestException, BadInputException {
        return WorkspaceLocator.locateIfAny(named(positional), Path.of(".")).orElse(null);
    }

    private Path named(Path positional) throws BadInputException {
        if (positional != null && given != null && !positional.equals(given)) {
            throw new BadInputException("the workspace is named twice (" + positional + " and --workspace " + given + "): name it once");
        }
        return given != null ? given : positional;
    }
}
