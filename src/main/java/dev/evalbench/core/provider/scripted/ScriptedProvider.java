package dev.evalbench.core.provider.scripted;

import dev.evalbench.core.json.Digests;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import java.util.List;
import java.util.Objects;

/**
 * The {@code scripted} provider: answers from a {@link ScriptedModel}, deterministically and offline.
 *
 * <p>Per call: the rules see the text of the last user message; {@code tokensIn} is the length of all messages
 * together / 4; {@code tokensOut} is the rule's, or the answer's length / 4; {@code latencyMs} is the rule's
 * latency, always reported, but waited out in wall time only when {@code realtime} is set (so that progress
 * and cancellation can be watched live); {@code modelReported} is the route's model name; {@code requestId} is
 * "scripted-" followed by a short hash of the model name and the messages, so equal requests get equal ids.
 *
 * <p>Failures: a request without a user message is {@link FailureKind#CLIENT_ERROR}; a rule latency above the
 * request's positive {@code timeoutMs} is {@link FailureKind#TIMEOUT} (after waiting the timeout in realtime mode),
 * as a real provider that slow would time out; an interrupt while waiting is {@link FailureKind#CANCELLED}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScriptedProvider implements ModelProvider {
    private final ScriptedModel model;
    private final String modelName;
    private final boolean realtime;

    public ScriptedProvider(ScriptedModel model, String modelName, boolean realtime) {
        this.model = Objects.requireNonNull(model, "model");
        this.modelName = Objects.requireNonNull(modelName, "modelName");
        this.realtime = realtime;
    }

    @Override
    public ModelResponse complete(ModelRequest request) throws ProviderException {
        List<Message> messages = request.messages() == null ? List.of() : request.messages();
        String userText = lastUserMessage(messages);
        ScriptedAnswer answer = model.answer(userText);
        long timeoutMs = request.timeoutMs();
        if (timeoutMs > 0 && answer.latencyMs() > timeoutMs) {
            pause(timeoutMs);
            throw new ProviderException(FailureKind.TIMEOUT, "scripted model " + modelName + ": " + answer.rule()
                    + " takes " + answer.latencyMs() + " ms, over the " + timeoutMs + " ms timeout");
        }
        pause(answer.latencyMs());
        return new ModelResponse(answer.text(), modelName, promptChars(messages) / 4, answer.tokensOut(),
                answer.latencyMs(), requestId(messages));
    }

    private String lastUserMessage(List<Message> messages) throws ProviderException {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if ("user".equals(m.role()) && m.content() != null) return m.content();
        }
        throw new ProviderException(FailureKind.CLIENT_ERROR,
                "scripted model " + modelName + ": the request has no user message to answer");
    }

    private void pause(long millis) throws ProviderException {
        if (!realtime || millis <= 0) return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(FailureKind.CANCELLED, "scripted model " + modelName
                    + ": interrupted while answering", null, -1, e);
        }
    }

    private static int promptChars(List<Message> messages) {
        long chars = 0;
        for (Message m : messages) {
            if (m.content() != null) chars += m.content().length();
        }
        return (int) Math.min(Integer.MAX_VALUE, chars);
    }

    private String requestId(List<Message> messages) {
        StringBuilder canonical = new StringBuilder(modelName);
        for (Message m : messages) {
            // Lengths make the encoding unambiguous whatever the contents hold.
            String content = m.content() == null ? "" : m.content();
            canonical.append('\n').append(m.role()).append(' ').append(content.length()).append(' ').append(content);
        }
        return "scripted-" + Digests.sha256(canonical.toString()).substring(0, 12);
    }
}
