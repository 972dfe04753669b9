package dev.evalbench.core.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.CaseEvaluation;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.JudgeVerdict;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.secret.KeyScrubber;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The one masking step between the history and anything that leaves the machine (reports, exports, CI
 * outputs, comparisons): every text of a run (outputs, prompts, failure messages, eval notes) with each
 * case's restricted values, the policy's restricted patterns and every configured API key masked
 * ({@link MaskedText}, {@link KeyScrubber}). The history itself keeps the raw text: it is the evidence.
 * Writers say that they masked with {@link #notice(StoredRun...)}.
 *
 * <p>A text's masked form depends on the text alone, so each mask remembers the texts it has masked (up to
 * {@value #MEMO_CHARS} characters of them): the runs it masks repeat the same texts over and over (the system
 * prompt of every case, a case's prompt in both runs of a comparison, the same short final actions), and the
 * policy's patterns are regexes that cost far more than a lookup. That memo is its only state; thread-safe.
 */
public final class OutboundMask {
    /** How many characters of masked texts a mask remembers at most (keys and values counted once each). */
    static final long MEMO_CHARS = 16_000_000L;

    private final Map<String, String> memo = new ConcurrentHashMap<>();
    private final AtomicLong memoChars = new AtomicLong();
    private final RestrictedValueIndex values;
    private final List<MaskedText.Named> patterns;
    private final KeyScrubber keys;

    /**
     * @param restrictedByCase each case id's restricted values (blank ones are ignored)
     * @param patterns         the policy's restricted patterns by name (Java regex as written)
     * @param keys             configured API keys; {@link KeyScrubber#none()} when there are none
     */
    public OutboundMask(Map<String, List<String>> restrictedByCase, Map<String, String> patterns, KeyScrubber keys) {
        // Every case's values mask every text: a value restricted for one case (a sentence of the system prompt,
        // a customer's e-mail) is no less restricted where another case's text carries it.
        this.values = new RestrictedValueIndex(restrictedByCase.values().stream().flatMap(List::stream).toList());
        this.patterns = patterns.entrySet().stream()
                .map(e -> new MaskedText.Named(e.getKey(), Pattern.compile(e.getValue()))).toList();
        this.keys = keys;
    }

    /** A text of a run, masked; {@code caseId} names the case it belongs to (or null), for the record. */
    public String text(String caseId, String text) {
        if (text == null) return null;
        String known = memo.get(text);
        if (known != null) return known;
        String out = masked(text);
        // An unchanged text costs the memo one reference; a changed one its masked copy too.
        long size = text.length() + (out == text ? 0 : out.length());
        if (memoChars.addAndGet(size) <= MEMO_CHARS) memo.putIfAbsent(text, out);
        else memoChars.addAndGet(-size);
        return out;
    }

    /** The text masked: keys scrubbed, then restricted values, then the policy's patterns. */
    private String masked(String text) {
        String scrubbed = keys.scrub(text);
        List<RestrictedValueIndex.Span> spans = values.find(scrubbed);
        String out = scrubbed;
        if (!spans.isEmpty()) {
            StringBuilder sb = new StringBuilder(scrubbed.length());
            int last = 0;
            for (RestrictedValueIndex.Span span : spans) {
                sb.append(scrubbed, last, span.start()).append(MaskedText.mark("restricted value", scrubbed.substring(span.start(), span.end())));
                last = span.end();
            }
            out = sb.append(scrubbed, last, scrubbed.length()).toString();
        }
        return MaskedText.mask(out, patterns);
    }

    /** A JSON value with every string (and object key) masked; a new tree, the input is not changed. */
    public JsonNode json(String caseId, JsonNode node) {
        if (node == null) return null;
        if (node.isTextual()) return JsonNodeFactory.instance.textNode(text(caseId, node.asText()));
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> copy.set(text(caseId, e.getKey()), json(caseId, e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(json(caseId, item)));
            return copy;
        }
        return node;
    }

    public CaseRecord record(CaseRecord r) {
        String id = r.key() == null ? null : r.key().caseId();
        List<Message> messages = r.messages() == null ? null
                : r.messages().stream().map(m -> new Message(m.role(), text(id, m.content()))).toList();
        List<Attempt> attempts = r.attempts() == null ? null : r.attempts().stream()
                .map(a -> new Attempt(a.route(), a.number(), a.outcome(), a.httpStatus(), a.latencyMs(), text(id, a.message())))
                .toList();
        Decision d = r.decision();
        Decision decision = d == null ? null : new Decision(d.accepted(), text(id, d.proposedAction()),
                text(id, d.finalAction()), d.rule(), text(id, d.reason()));
        CaseEvaluation e = r.evaluation();
        CaseEvaluation evaluation = e == null ? null : new CaseEvaluation(e.passed(), e.checks(),
                e.failures() == null ? null : e.failures().stream().map(f -> text(id, f)).toList());
        return new CaseRecord(r.runId(), r.key(), r.traceId(), messages, text(id, r.rawOutput()), r.failureKind(),
                text(id, r.failureMessage()), json(id, r.parsed()), r.schemaValid(),
                r.schemaErrors() == null ? null : r.schemaErrors().stream().map(s -> text(id, s)).toList(),
                decision, evaluation, (ObjectNode) json(id, r.expected()), r.blocking(), r.routeUsed(), r.provider(),
                r.modelUsed(), text(id, r.requestId()), r.latencyMs(), r.tokensIn(), r.tokensOut(), r.costUsd(),
                attempts, r.fallbacks(), r.cacheHit(), r.versions(), r.startedAt(), r.finishedAt(),
                r.reasoningTokens(), r.tokensEstimated(), r.tags(), judgements(id, r.judgements()));
    }

    /** A judge's reason and error can quote the judged output, so they are masked like the output. */
    private List<JudgeVerdict> judgements(String id, List<JudgeVerdict> verdicts) {
        return verdicts.stream().map(v -> new JudgeVerdict(v.name(), v.outcome(), v.score(), text(id, v.reason()),
                text(id, v.error()), v.label(), v.labelPassed(), v.cacheHit())).toList();
    }

    /** A case summary with every text that can carry a model's words (failures, messages, outputs) masked. */
    public CaseSummary summary(CaseSummary s) {
        String id = s.key() == null ? null : s.key().caseId();
        return new CaseSummary(s.key(), s.traceId(), s.passed(), s.schemaValid(), s.failureKind(), s.accepted(),
                text(id, s.finalAction()), s.failures().stream().map(f -> text(id, f)).toList(), s.blocking(),
                s.routeUsed(), s.modelUsed(), s.latencyMs(), s.tokensIn(), s.tokensOut(), s.costUsd(), s.attempts(),
                s.fallbacks(), s.cacheHit(), s.tags(), (ObjectNode) json(id, s.expected()), json(id, s.scoredOutput()),
                text(id, s.failureMessage()), s.rule(), s.failedChecks(), s.fallbackSteps(), s.tokensEstimated(),
                judgements(id, s.judgements()),
                // the same case id on both sides masks equal outputs alike, so equal fingerprints stay equal
                s.outputFingerprint());
    }

    /** A run as gates read it, each case (summary or full record) and event masked; null stays null. */
    public RunCases cases(RunCases run) {
        if (run == null) return null;
        List<ScoredCase> cases = run.cases().stream().map(c -> c instanceof CaseSummary s ? (ScoredCase) summary(s)
                : c instanceof CaseRecord r ? record(r) : c).toList();
        return new RunCases(run.header(), cases, events(run.events()));
    }

    /** A run's events with their details masked; null stays null. */
    public List<RunEvent> events(List<RunEvent> events) {
        if (events == null) return null;
        return events.stream().map(ev -> new RunEvent(ev.at(), ev.kind(), ev.route(), text(null, ev.detail()))).toList();
    }

    /** The run with every case and event masked; null stays null. */
    public StoredRun run(StoredRun run) {
        if (run == null) return null;
        return new StoredRun(run.header(), run.cases().stream().map(this::record).toList(), events(run.events()));
    }

    /** How many values the runs' texts show masked. */
    public static int maskedCount(StoredRun... runs) {
        int n = 0;
        for (StoredRun run : runs) {
            if (run == null) continue;
            for (CaseRecord r : run.cases()) n += maskedCount(r);
        }
        return n;
    }

    /** How many values a masked record's output, failure message and prompts show masked (what notices count). */
    public static int maskedCount(CaseRecord r) {
        int n = MaskedText.count(r.rawOutput()) + MaskedText.count(r.failureMessage());
        if (r.messages() != null) for (Message m : r.messages()) n += MaskedText.count(m.content());
        return n;
    }

    /** How many values the texts of runs read as gates read them show masked. */
    public static int maskedCount(RunCases... runs) {
        int n = 0;
        for (RunCases run : runs) {
            if (run == null) continue;
            for (ScoredCase c : run.cases()) {
                if (c instanceof CaseRecord r) {
                    n += maskedCount(new StoredRun(run.header(), List.of(r), List.of()));
                } else {
                    n += MaskedText.count(c.failureMessage());
                    for (String f : c.failures()) n += MaskedText.count(f);
                }
            }
        }
        return n;
    }

    /** {@link #notice(StoredRun...)} for runs read as summaries. */
    public static String notice(RunCases... runs) {
        return noticeOf(maskedCount(runs));
    }

    /**
     * The sentence every outbound writer prints: masking is always on, and this says how much it hid, so a
     * reader knows a {@code [masked ...]} mark is deliberate and where the raw text is.
     */
    public static String notice(StoredRun... runs) {
        return noticeOf(maskedCount(runs));
    }

    /** {@link #notice(StoredRun...)} for runs whose masked values were counted as they were written. */
    public static String notice(int maskedValues) {
        return noticeOf(maskedValues);
    }

    private static String noticeOf(int n) {
        return "Restricted values, restricted patterns and API keys are masked in everything written here"
                + (n == 0 ? " (none found)" : " (" + n + (n == 1 ? " value" : " values") + " masked in outputs and prompts)")
                + "; the local run history keeps the raw outputs.";
    }
}
