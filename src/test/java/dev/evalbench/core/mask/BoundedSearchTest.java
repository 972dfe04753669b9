package dev.evalbench.core.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A policy's regex over what a model wrote: a pattern that backtracks is stopped after a bounded number of reads,
 * the same on every machine, and a linear one reads even a 1 MB text to the end. Unbounded, the first search
 * below takes about half an hour (33 s on 100,000 characters, growing with the square).
 */
class BoundedSearchTest {
    /** The e-mail pattern as commonly written, and as the sample workspaces had it. */
    static final Pattern BACKTRACKING_EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /** The same pattern anchored at the start of a run and possessive, as the sample workspaces have it now. */
    static final Pattern LINEAR_EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    /** A model that repeats itself: a run of letters with no '@', as long as a route accepts (1 MB). */
    static final String REPEATED = "ha".repeat(500_000);

    @Test
    void aBacktrackingPatternIsStoppedAndSaysWhy() {
        // 40,000 characters, not the megabyte a route accepts: the bound is per character, so it stops any length
        // the same way, and reading 256 times a megabyte (8 s on the quick compiler) would prove nothing more.
        // Unbounded, this search reads the text about 20,000 times over and returns "no match": the test fails.
        String repeated = REPEATED.substring(0, 40_000);
        assertThatThrownBy(() -> BoundedSearch.find(BACKTRACKING_EMAIL, repeated))
                .isInstanceOfSatisfying(BoundedSearch.Exhausted.class, e -> assertThat(e.textLength()).isEqualTo(40_000))
                .hasMessage("the pattern read a text of 40,000 characters more than 256 times a character and was stopped: "
                        + "it backtracks (anchor its start, e.g. with a lookbehind, or make its runs possessive)");
    }

    @Test
    void aLinearPatternReadsALongTextToTheEndAndFindsWhatTheBacktrackingOneFinds() {
        assertThat(BoundedSearch.find(LINEAR_EMAIL, REPEATED)).isFalse();
        assertThat(BoundedSearch.find(LINEAR_EMAIL, "a@" + REPEATED)).isFalse();
        assertThat(BoundedSearch.find(LINEAR_EMAIL, REPEATED + " write to jane.doe@example.com")).isTrue();
        for (String text : List.of("jane.doe@example.com", "<jane.doe@example.com>", "x jane@mail.example.org.",
                "é+tag@host.io", "a@b.c", "@example.com", "two@one.co and three@two.de", "a@b@c.de", "mail: a.b-c%d@e-f.gh")) {
            List<String> expected = BACKTRACKING_EMAIL.matcher(text).results().map(r -> r.group()).toList();
            assertThat(BoundedSearch.matcher(LINEAR_EMAIL, text).results().map(r -> r.group()).toList()).as(text).isEqualTo(expected);
        }
    }

    @Test
    void theSampleWorkspacesCardAndIbanPatternsReadLongRunsToTheEnd() {
        Pattern card = Pattern.compile("\\b(?:\\d[ -]?){13,16}\\b");
        Pattern iban = Pattern.compile("\\b[A-Z]{2}\\d{2}(?:\\s?[A-Z0-9]{4}){3,7}(?:\\s?[A-Z0-9]{1,3})?\\b");
        assertThat(BoundedSearch.find(card, "1234567890".repeat(100_000))).isFalse();
        // Twelve digits a group, one short of a card: a start at every digit, each read a group's length ahead.
        assertThat(BoundedSearch.find(card, "1 2 3 4 5 6 7-8-9-0-1-2  ".repeat(40_000))).isFalse();
        assertThat(BoundedSearch.find(iban, "DE89" + "AB12".repeat(250_000))).isFalse();
        assertThat(BoundedSearch.find(card, "card 4111 1111 1111 1111.")).isTrue();
    }

    /** The engine recurses once a repetition of a group with alternatives: a long text overflows the stack. */
    @Test
    void aSearchThatOverflowsTheStackIsStoppedAndSaysWhy() {
        String text = "ab".repeat(100_000) + "c";
        assertThatThrownBy(() -> BoundedSearch.find(Pattern.compile("(?:a|b)*c"), text))
                .isInstanceOfSatisfying(BoundedSearch.Exhausted.class, e -> assertThat(e.textLength()).isEqualTo(200_001))
                .hasMessage("the pattern recursed deeper than the thread's stack allows on a text of 200,001 characters "
                        + "and was stopped: a repeated group with alternatives recurses once a repetition (write (a|b)* as [ab]*)");
        assertThat(BoundedSearch.find(Pattern.compile("[ab]*c"), text)).as("as the message advises").isTrue();
    }

    @Test
    void aShortTextIsNeverStoppedEarly() {
        // 100 characters: the floor of a million reads, not 256 a character, applies.
        Pattern nested = Pattern.compile("(a|aa)+$");
        assertThat(BoundedSearch.find(nested, "a".repeat(20) + "b")).isFalse();
    }

    @Test
    void theBoundCoversEverySearchOfOneMatcherTogether() {
        // Each find reads to the end of the text (5,000 reads at most), so no single one nears the bound of
        // 1,280,000; all 5,000 of them together read 12.5 million characters, as masking every match would.
        var everyA = BoundedSearch.matcher(Pattern.compile("a(?=a*$)"), "a".repeat(5_000));
        assertThat(everyA.find()).isTrue();
        assertThatThrownBy(() -> everyA.results().count()).isInstanceOf(BoundedSearch.Exhausted.class);
        assertThat(BoundedSearch.bound(10)).isEqualTo(BoundedSearch.MIN_STEPS);
        assertThat(BoundedSearch.bound(1_000_000)).isEqualTo(256_000_000L);
    }
}
