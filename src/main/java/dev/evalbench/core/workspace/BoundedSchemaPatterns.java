package dev.evalbench.core.workspace;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.regex.RegularExpressions;
import dev.evalbench.core.mask.BoundedSearch;
import java.util.regex.Pattern;

/**
 * The regexes of a schema's {@code pattern} and {@code patternProperties}, as the JSON Schema library compiles
 * them by default (Java's engine, with its rewriting of {@code $} and of long-form character properties), searched
 * with bounded work ({@link BoundedSearch}): a schema is the author's and the string the model's, and a pattern that
 * backtracks ({@code ^(\w+\s?)*$}) would otherwise hold a run for as long as the model's text is long. A string
 * the pattern cannot search within the bound does not match, so the output is schema-invalid: what could not be
 * checked is not accepted. Stateless; thread-safe.
 */
final class BoundedSchemaPatterns implements RegularExpressionFactory {
    static final BoundedSchemaPatterns INSTANCE = new BoundedSchemaPatterns();

    private BoundedSchemaPatterns() {}

    /** @throws java.util.regex.PatternSyntaxException when the pattern is not a valid regex, as by default */
    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(RegularExpressions.replaceLongformCharacterProperties(
                RegularExpressions.replaceDollarAnchors(regex)));
        return value -> {
            try {
                return BoundedSearch.find(pattern, value);
            } catch (BoundedSearch.Exhausted e) {
                return false;
            }
        };
    }
}
