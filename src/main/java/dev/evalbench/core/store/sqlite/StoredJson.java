package dev.evalbench.core.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.store.StoreException;

/** JSON columns: written and read with {@link Json#MAPPER}, failures named by what was being stored or read. */
final class StoredJson {
    private StoredJson() {}

    static String write(Object value, String what) throws StoreException {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write " + what + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A column that does not read back as {@code type} means a corrupt or foreign history: an error, never a guess. */
    static <T> T read(String json, Class<T> type, String what) throws StoreException {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read " + what + ": stored JSON is not a " + type.getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }
}
