package dev.evalbench.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cohen's kappa on tables worked out by hand. */
class CohenKappaTest {
    private static List<CohenKappa.Pair> table(String a, String b, int n, List<CohenKappa.Pair> into) {
        for (int i = 0; i < n; i++) into.add(new CohenKappa.Pair(a, b));
        return into;
    }

    @Test
    void theTextbookTwoByTwoTable() {
        // judge x human, 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15.
        // p_o = 35/50 = 0.7; judge yes 25/50, human yes 30/50: p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = 0.2/0.5 = 0.4
        List<CohenKappa.Pair> pairs = new ArrayList<>();
        table("yes", "yes", 20, pairs);
        table("yes", "no", 5, pairs);
        table("no", "yes", 10, pairs);
        table("no", "no", 15, pairs);

        assertThat(CohenKappa.of(pairs)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void threeLabelsWithALabelOnlyOneRaterUses() {
        // scores 1..3, 10 items: (1,1)x3 (2,2)x3 (3,3)x1 (2,1)x1 (3,2)x1 (3,1)x1.
        // p_o = 7/10. judge: 1:3 2:4 3:3; human: 1:5 2:4 3:1.
        // p_e = 0.3*0.5 + 0.4*0.4 + 0.3*0.1 = 0.15 + 0.16 + 0.03 = 0.34; kappa = (0.7-0.34)/(0.66) = 0.545454...
        List<CohenKappa.Pair> pairs = new ArrayList<>();
        table("1", "1", 3, pairs);
        table("2", "2", 3, pairs);
        table("3", "3", 1, pairs);
        table("2", "1", 1, pairs);
        table("3", "2", 1, pairs);
        table("3", "1", 1, pairs);

        assertThat(CohenKappa.of(pairs)).isCloseTo(0.36 / 0.66, within(1e-12));
    }

    @Test
    void perfectChanceAndWorseThanChance() {
        List<CohenKappa.Pair> perfect = table("a", "a", 3, table("b", "b", 3, new ArrayList<>()));
        List<CohenKappa.Pair> opposite = table("a", "b", 3, table("b", "a", 3, new ArrayList<>()));
        List<CohenKappa.Pair> oneLabel = table("a", "a", 4, new ArrayList<>());

        assertThat(CohenKappa.of(perfect)).isEqualTo(1.0);
        assertThat(CohenKappa.of(opposite)).isEqualTo(-1.0);
        assertThat(CohenKappa.of(oneLabel)).isNaN();
    }
}
