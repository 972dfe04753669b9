package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A versioned prompt template. {@code contentHash} is the SHA-256 of the template file's bytes;
 * {@code outputSchemaHash} of the schema file's bytes. {@code system} may be null.
 */
public record PromptTemplate(
        String id,
        int revision,
        String changelog,
        String file,
        String system,
        String body,
        String contentHash,
        String outputSchemaPath,
        JsonNode outputSchema,
        String outputSchemaHash) {}
