package dev.evalbench.core.provider;

import dev.evalbench.core.record.Message;
import java.util.List;

/**
 * Token counts when a server reports none (gateways and local servers that omit {@code usage}): one token per
 * {@value #CHARS_PER_TOKEN} characters, rounded up, the rule of thumb for English text with BPE tokenizers. It
 * can be off by a good margin for code, other languages or reasoning models (whose hidden reasoning cannot be
 * seen at all), which is why every figure built on it is marked as an estimate.
 */
public final class TokenEstimate {
    public static final int CHARS_PER_TOKEN = 4;
    /** How the estimate is made, for messages and reports. */
    public static final String METHOD = dev.evalbench.core.record.CaseRecord.TOKEN_ESTIMATE_METHOD;

    private TokenEstimate() {}

    public static int of(String text) {
        return text == null ? 0 : (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** The prompt side: every message's content. */
    public static int of(List<Message> messages) {
        int total = 0;
        for (Message m : messages) {
            total += of(m.content());
        }
        return total;
    }
}
