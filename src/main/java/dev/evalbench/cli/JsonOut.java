package dev.evalbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import java.io.PrintWriter;

/** The {@code --json} form of a command's result: one object on stdout, nothing else there. */
final class JsonOut {
    static final String HELP = "Print one JSON object instead of text.";

    private JsonOut() {}

    static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }

    static void print(PrintWriter out, ObjectNode result) throws JsonProcessingException {
        out.println(Json.MAPPER.writeValueAsString(result));
        out.flush();
    }
}
