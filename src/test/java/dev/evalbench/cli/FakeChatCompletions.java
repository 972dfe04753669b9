package dev.evalbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * An OpenAI chat-completions server for end-to-end runs, behind a MockWebServer. It answers by the content of
 * the user message, not by arrival order, so a run at any concurrency gets the same answers: a behaviour is
 * chosen by the first registered word the message contains (the sample's probes name a distinct customer
 * each), and every other request gets {@link #otherwise}, by default a valid answer.
 *
 * <p>Every request is kept as an {@link Exchange}; a valid answer carries request id {@code req-N} and usage
 * {@code prompt_tokens 1000+N, completion_tokens 20+N}, where N is the request's number (1-based), so a stored
 * record can be matched to the exact response it came from. Thread-safe: MockWebServer calls it from one
 * thread per connection.
 */
final class FakeChatCompletions extends Dispatcher {
    /** The model the server says answered; the route asks for "gpt-4o-mini". */
    static final String SERVED_MODEL = "gpt-4o-mini-2024-07-18";

    /**
     * A schema-valid answer from a model that obeys every injection: it calls a tool the policy does not
     * allow, so the policy rejects it and escalates. Every safety probe passes, and the schema gate sees a
     * valid output.
     */
    static final String OBEYING_ANSWER = """
            {"category":"other","priority":"low","action":"escalate","order_id":null,\
            "reply":"A colleague will look into this.","tool_calls":[{"name":"export_customers","arguments":{}}]}""";

    /** How the server answers one request. */
    @FunctionalInterface
    interface Behaviour {
        MockResponse respond(Exchange exchange);
    }

    /** One request as the server saw it. {@code attempt} counts requests whose message held the same word. */
    record Exchange(int number, int attempt, String word, String userMessage, String authorization,
                    String traceparent, long receivedNanos) {
        /** The trace id inside the {@code traceparent} header (W3C: version-traceid-spanid-flags). */
        String traceId() {
            return traceparent == null ? null : traceparent.split("-")[1];
        }

        String requestId() {
            return "req-" + number;
        }

        MockResponse ok() {
            return answer(OBEYING_ANSWER);
        }

        /** A valid wire-format response whose content is {@code content}. */
        MockResponse answer(String content) {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("id", "chatcmpl-" + number).put("object", "chat.completion").put("model", SERVED_MODEL);
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            body.putObject("usage").put("prompt_tokens", 1000 + number).put("completion_tokens", 20 + number)
                    .put("total_tokens", 1020 + 2 * number);
            return json(body);
        }

        /**
         * An answer cut off at the output token limit ({@code finish_reason "length"}, 400 completion tokens, of which
         * {@code reasoningTokens} reasoning): {@code content} is what was written, null as reasoning models send nothing.
         */
        MockResponse cutOff(String content, int reasoningTokens) {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("id", "chatcmpl-" + number).put("object", "chat.completion").put("model", SERVED_MODEL);
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "length");
            ObjectNode message = choice.putObject("message").put("role", "assistant");
            if (content == null) message.putNull("content");
            else message.put("content", content);
            ObjectNode usage = body.putObject("usage").put("prompt_tokens", 900).put("completion_tokens", 400)
                    .put("total_tokens", 1300);
            usage.putObject("completion_tokens_details").put("reasoning_tokens", reasoningTokens);
            return json(body);
        }

        private MockResponse json(ObjectNode body) {
            return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                    .addHeader("x-request-id", requestId()).body(body.toString()).build();
        }
    }

    /**
     * A MockWebServer whose accepted sockets send at once (TCP_NODELAY). MockWebServer writes a response's
     * headers and body separately; with Nagle's algorithm the body waits for the client's delayed ACK, about
     * 40 ms per call on Linux, which would dominate a run's time. Start it (e.g. with {@code @StartStop}).
     */
    static MockWebServer newServer() {
        MockWebServer server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        return server;
    }

    private final Map<String, Behaviour> byWord = new LinkedHashMap<>();
    private volatile Behaviour otherwise = Exchange::ok;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger received = new AtomicInteger();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    /** Answers requests whose user message contains {@code word} with {@code behaviour}. Set up before a run. */
    synchronized FakeChatCompletions when(String word, Behaviour behaviour) {
        byWord.put(word, behaviour);
        return this;
    }

    FakeChatCompletions otherwise(Behaviour behaviour) {
        this.otherwise = behaviour;
        return this;
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    List<Exchange> exchangesFor(String word) {
        return exchanges.stream().filter(e -> word.equals(e.word())).toList();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String user = userMessage(request);
        String word;
        Behaviour behaviour;
        synchronized (this) {
            word = byWord.keySet().stream().filter(user::contains).findFirst().orElse(null);
            behaviour = word == null ? otherwise : byWord.get(word);
        }
        int attempt = word == null ? 1 : attempts.computeIfAbsent(word, w -> new AtomicInteger()).incrementAndGet();
        Exchange exchange = new Exchange(received.incrementAndGet(), attempt, word, user,
                request.getHeaders().get("Authorization"), request.getHeaders().get("traceparent"), System.nanoTime());
        exchanges.add(exchange);
        return behaviour.respond(exchange);
    }

    private static String userMessage(RecordedRequest request) {
        try {
            JsonNode body = Json.MAPPER.readTree(request.getBody().utf8());
            for (JsonNode message : body.get("messages")) {
                if (message.get("role").asText().equals("user")) return message.get("content").asText();
            }
            throw new AssertionError("a chat completion request without a user message: " + body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Behaviours a test picks from.

    static Behaviour status(int code, String body) {
        return x -> new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** A 200 whose body is not JSON at all. */
    static Behaviour malformedBody() {
        return x -> new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"id\":\"chatcmpl-" + x.number() + "\",\"choices\":[{\"message\":").build();
    }

    /** The first request gets 429 with the given header; later ones are answered. */
    static Behaviour rateLimitedOnce(String header, String value) {
        return x -> x.attempt() == 1
                ? new MockResponse.Builder().code(429).addHeader(header, value)
                        .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}").build()
                : x.ok();
    }

    /** A valid answer that arrives {@code delayMs} after the request. */
    static Behaviour slow(long delayMs) {
        return x -> new MockResponse.Builder(x.ok()).headersDelay(delayMs, TimeUnit.MILLISECONDS).build();
    }

    /** The server closes the connection instead of answering. */
    static Behaviour dropConnection() {
        return x -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }
}
