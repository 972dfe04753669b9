package dev.evalbench.core.route;

import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A route caller for engine tests: answers each request with a function of the user message, records every
 * request it saw, and can fail chosen cases with a given kind. Thread-safe.
 */
public final class FakeRouteCaller implements RouteCaller {
    private final Function<String, String> answer;
    private final Function<String, FailureKind> failure;
    private final List<ModelRequest> requests = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public FakeRouteCaller(Function<String, String> answer, Function<String, FailureKind> failure) {
        this.answer = answer;
        this.failure = failure;
    }

    public static FakeRouteCaller answering(Function<String, String> answer) {
        return new FakeRouteCaller(answer, user -> null);
    }

    @Override
    public CallResult call(String route, ModelRequest request, boolean bypassCache) {
        requests.add(request);
        String user = request.messages().get(request.messages().size() - 1).content();
        FailureKind kind = failure.apply(user);
        if (kind != null) {
            return new CallResult(null, kind, "fake " + kind, route, "fake", request.model(),
                    List.of(new Attempt(route, 1, kind.name(), null, 5, "fake " + kind)), List.of(), false, 0.0);
        }
        String text = answer.apply(user);
        ModelResponse response = new ModelResponse(text, request.model(), user.length() / 4, text.length() / 4, 10, "fake-1");
        return new CallResult(response, null, null, route, "fake", request.model(),
                List.of(new Attempt(route, 1, "ok", 200, 10, null)), List.of(), false, 0.0001);
    }

    public List<ModelRequest> requests() {
        return requests;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
