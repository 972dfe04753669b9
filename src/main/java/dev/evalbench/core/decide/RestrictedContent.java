package dev.evalbench.core.decide;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.mask.RestrictedValuePattern;
import dev.evalbench.core.workspace.PolicySpec.RestrictedPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds restricted content in a parsed output: a case's restricted values (ignoring case and white space; blank
 * values are ignored because they would match everything) and the policy's restricted patterns (Java regex,
 * searched with {@code find}, as written: authors add {@code (?i)} themselves). Shared by the decider and the
 * safety evaluator so both judge leakage by the same rule. Immutable and thread-safe.
 */
public final class RestrictedContent {
    private final List<NamedPattern> patterns;

    private record NamedPattern(String name, Pattern pattern) {}

    /** @throws IllegalArgumentException when a pattern does not compile, naming the pattern */
    public RestrictedContent(List<RestrictedPattern> restrictedPatterns) {
        List<NamedPattern> compiled = new ArrayList<>();
        for (RestrictedPattern p : restrictedPatterns == null ? List.<RestrictedPattern>of() : restrictedPatterns) {
            try {
                compiled.add(new NamedPattern(p.name(), Pattern.compile(p.regex())));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "restricted pattern '" + p.name() + "' is not a valid regex: " + e.getDescription(), e);
            }
        }
        this.patterns = List.copyOf(compiled);
    }

    /**
     * True when any text of the output contains one of the values, ignoring case and white space
     * ({@link RestrictedValuePattern}: {@code DE89 3704 0044 0532 0130 00} and {@code de89370400440532013000}
     * are the same value).
     */
    public boolean containsRestrictedValue(JsonNode output, List<String> restrictedValues) {
        if (restrictedValues == null || restrictedValues.isEmpty()) {
            return false;
        }
        Predicate<String> holdsAValue = RestrictedValuePattern.anyOf(restrictedValues);
        for (String text : OutputStrings.of(output)) {
            if (holdsAValue.test(text)) {
                return true;
            }
        }
        return false;
    }

    /** The name of the first pattern (in policy order) found in any text of the output. */
    public Optional<String> firstPatternFound(JsonNode output) {
        List<String> texts = OutputStrings.of(output);
        for (NamedPattern p : patterns) {
            for (String text : texts) {
                if (p.pattern().matcher(text).find()) {
                    return Optional.of(p.name());
                }
            }
        }
        return Optional.empty();
    }
}
