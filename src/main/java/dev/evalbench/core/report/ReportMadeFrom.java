package dev.evalbench.core.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The workspace folder a report's run was made in ({@code run.header.workspace_path} of its report.json), when that
 * folder is still a workspace on this machine: where the window looks for the input files a signed report binds
 * while no folder is chosen and no workspace is open (the author verifying their own report, or a reviewer with the
 * checkout the run was made in). Only a place to read files from: every file is still held to its signed digest, so a
 * path a report names can make no report valid that is not. Reads the report.json's run header alone, streaming past
 * the rest (its cases may be many). Never throws: an unreadable report names no folder.
 */
public final class ReportMadeFrom {
    private ReportMadeFrom() {}

    /** The folder, holding an evalbench.yaml, or empty. */
    public static Optional<Path> workspace(Path reportJson) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(reportJson.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return Optional.empty();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (!name.equals("run")) {
                    parser.skipChildren();
                    continue;
                }
                JsonNode run = parser.readValueAsTree();
                JsonNode path = run == null ? null : run.path("header").path("workspace_path");
                if (path == null || !path.isTextual()) return Optional.empty();
                Path folder = Path.of(path.asText());
                return Files.isRegularFile(folder.resolve("evalbench.yaml")) ? Optional.of(folder) : Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
