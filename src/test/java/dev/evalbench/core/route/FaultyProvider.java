package dev.evalbench.core.route;

import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.provider.ProviderFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A provider that plays a script of outcomes, one per call: "ok", "slow:<ms>" (an answer after advancing the
 * fake clock), or a {@link FailureKind} name. When the script runs out it answers "ok". Records the requests
 * it saw. Thread-safe. Register it with {@link #factory()} under any provider name.
 */
public final class FaultyProvider implements ModelProvider {
    private final ConcurrentLinkedDeque<String> script = new ConcurrentLinkedDeque<>();
    private final List<ModelRequest> seen = Collections.synchronizedList(new ArrayList<>());
    private final FakeClock clock;
    private final String answer;

    public FaultyProvider(FakeClock clock, String answer) {
        this.clock = clock;
        this.answer = answer;
    }

    public FaultyProvider play(String... outcomes) {
        script.addAll(List.of(outcomes));
        return this;
    }

    public ProviderFactory factory() {
        return (route, workspace, env) -> this;
    }

    public int calls() {
        return seen.size();
    }

    public List<ModelRequest> seen() {
        return List.copyOf(seen);
    }

    @Override
    public ModelResponse complete(ModelRequest request) throws ProviderException {
        seen.add(request);
        String next = script.pollFirst();
        if (next == null || next.equals("ok")) {
            return new ModelResponse(answer, request.model(), 100, 20, 5, "req-" + seen.size());
        }
        if (next.startsWith("slow:")) {
            long ms = Long.parseLong(next.substring(5));
            clock.advance(ms);
            return new ModelResponse(answer, request.model(), 100, 20, ms, "req-" + seen.size());
        }
        FailureKind kind = FailureKind.valueOf(next);
        throw new ProviderException(kind, "scripted " + kind, kind == FailureKind.SERVER_ERROR ? 500 : null, -1, null);
    }
}
