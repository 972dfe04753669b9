package dev.evalbench.core.route.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.route.RouteFixtures;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    @Test
    void keyOrderDoesNotMatterAtAnyDepthButArrayOrderDoes() {
        String a = CanonicalJson.write(RouteFixtures.json("{\"b\":1,\"a\":{\"y\":[1,{\"q\":1,\"p\":2}],\"x\":null}}"));
        String b = CanonicalJson.write(RouteFixtures.json("{\"a\":{\"x\":null,\"y\":[1,{\"p\":2,\"q\":1}]},\"b\":1}"));

        assertThat(a).isEqualTo(b).isEqualTo("{\"a\":{\"x\":null,\"y\":[1,{\"p\":2,\"q\":1}]},\"b\":1}");
        assertThat(CanonicalJson.write(RouteFixtures.json("[2,1]"))).isNotEqualTo(CanonicalJson.write(RouteFixtures.json("[1,2]")));
    }
}
