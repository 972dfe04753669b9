package dev.evalbench.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The as-you-type scanner finds what a template reads from the case, and nothing it binds or names itself. */
class TemplateReferencesTest {
    private static List<String> paths(String source) {
        return TemplateReferences.in(source).stream().map(TemplateReferences.Reference::path).toList();
    }

    @Test
    void findsDottedVariablesInExpressionsAndTags() {
        assertThat(paths("Hi {{ customer.name | upper }} {% if vip and not banned %}x{% endif %}"))
                .containsExactly("customer.name", "vip", "banned");
    }

    @Test
    void skipsLiteralsCommentsFiltersTestsCallsAndBoundNames() {
        String source = "{# {{ hidden }} #}{{ 'some text' ~ x }}{% for order in customer.orders %}{{ order.id }}"
                + "{{ loop.index }}{% endfor %}{% set greeting = 'hi' %}{{ greeting }}{{ x is defined }}{{ range(1, n) }}";
        assertThat(paths(source)).containsExactly("x", "customer.orders", "x", "n");
    }

    @Test
    void anExpressionBeingTypedDoesNotSwallowTheNextOne() {
        assertThat(paths("Hi {{ cust\nThe customer wrote: {{ ticket }}")).containsExactly("ticket");
    }

    @Test
    void undefinedFollowsTheCaseVarsThroughMapsOnly() {
        Map<String, Object> vars = Map.of("customer", Map.of("name", "Ann", "orders", List.of()));
        assertThat(TemplateReferences.undefinedIn("{{ customer.name }}{{ customer.email }}{{ nope }}{{ customer.orders.size }}", vars))
                .extracting(TemplateReferences.Reference::path).containsExactly("customer.email", "nope");
    }
}
