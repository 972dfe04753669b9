package dev.evalbench.core.service;

import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderFactory;
import dev.evalbench.core.record.Message;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A triage "model" with injected nondeterminism, for shadow calibration: the same ticket gets the same priority
 * every time, a category that wanders in 30% of calls, and a reply text that differs on every call. A system
 * prompt containing {@value #ALWAYS_HIGH} makes every priority "high": the real change a candidate prompt makes.
 * The k-th call for one user message draws from a generator seeded by the message and k, so a run's answers do
 * not depend on thread order. Thread-safe.
 */
final class NoisyTriageModel {
    static final String ALWAYS_HIGH = "ALWAYS-HIGH";
    private static final String[] CATEGORIES = {"billing", "bug", "account", "shipping", "other"};

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    String answer(List<Message> messages) {
        String system = messages.stream().filter(m -> m.role().equals("system")).map(Message::content).findFirst().orElse("");
        String user = messages.stream().filter(m -> m.role().equals("user")).map(Message::content).findFirst().orElse("");
        int k = calls.computeIfAbsent(user, u -> new AtomicInteger()).getAndIncrement();
        Random random = new Random(user.hashCode() * 1_000_003L + k);
        int h = user.hashCode();
        String category = random.nextDouble() < 0.3 ? CATEGORIES[random.nextInt(5)] : CATEGORIES[Math.floorMod(h, 5)];
        String priority = system.contains(ALWAYS_HIGH) ? "high" : Math.floorMod(h / 7, 2) == 0 ? "low" : "medium";
        return "{\"category\":\"" + category + "\",\"priority\":\"" + priority + "\",\"action\":\"reply\",\"order_id\":null,"
                + "\"reply\":\"Thanks, reference " + random.nextInt(1_000_000) + ".\"}";
    }

    ProviderFactory kind() {
        return (route, ws, env) -> request -> new ModelResponse(answer(request.messages()), route.model(), 900, 40, 300, null);
    }
}
