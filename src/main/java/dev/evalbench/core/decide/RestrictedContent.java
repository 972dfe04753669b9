package dev.evalbench.core.decide;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.mask.BoundedSearch;
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
 * safety evaluator so both judge leakage by the same rule. A pattern whose search of a text is stopped
 * ({@link BoundedSearch}: it backtracks on what the model wrote) counts as found: a leak that could not be ruled
 * out is judged as one, with a message saying why. Immutable and thread-safe.
 */
public final class RestrictedContent {
    private final List<NamedPattern> patterns;

    private record NamedPattern(String name, Pattern pattern) {}

    /**
     * A restricted pattern in an output: {@code stopped} is null when its text matched, else why the search was
     * stopped before it could rule the pattern out.
     */
    public record PatternFound(String name, String stopped) {
        /** The sentence a decision or an eval gives, starting with {@code what} ("The output"). */
        public String sentence(String what) {
            return stopped == null ? what + " contains text matching the restricted pattern '" + name + "'."
                    : what + " could not be searched for the restricted pattern '" + name + "' (" + stopped
                            + "), so it is treated as containing it.";
        }
    }

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

    /** The first pattern (in policy order) found, or not ruled out, in any text of the output. */
    public Optional<PatternFound> firstPatternFound(JsonNode output) {
        List<String> texts = OutputStrings.of(output);
        for (NamedPattern p : patterns) {
            for (String text : texts) {
                try {
                    if (BoundedSearch.find(p.pattern(), text)) {
                        return Optional.of(new PatternFound(p.name(), null));
                    }
                } catch (BoundedSearch.Exhausted e) {
                    return Optional.of(new PatternFound(p.name(), e.getMessage()));
                }
            }
        }
        return Optional.empty();
    }
}
