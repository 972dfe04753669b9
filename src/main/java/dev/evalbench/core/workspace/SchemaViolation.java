package dev.evalbench.core.workspace;

/**
 * One JSON Schema violation in plain words. {@code pointer} is the JSON pointer of the value the problem is
 * about (for key problems: the object holding the key); {@code key} is the key concerned by an unknown,
 * missing or not-allowed key, else null. The message is {@code head + tail}: callers that know a friendlier
 * name for the place put it between the two ({@code unknown key "retires"} + {@code  in route "openai"} +
 * {@code  (expected one of: ...)}). For value problems {@code head} starts with a verb ("must be ...") and
 * reads after the value's name.
 */
public record SchemaViolation(String pointer, String key, String head, String tail) {

    public boolean isKeyProblem() {
        return key != null;
    }

    /** The form used for model outputs: {@code /order_id: must be a string, found number 5}. */
    public String withPointer() {
        return (pointer.isEmpty() ? "(root)" : pointer) + ": " + head + tail;
    }
}
