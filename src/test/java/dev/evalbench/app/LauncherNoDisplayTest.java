package dev.evalbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Starting the workbench where it cannot start says so in one line with exit 2, and opens nothing. */
@org.junit.jupiter.api.parallel.Isolated("touches process-wide state: JavaFX toolkit, System.out/err, ProxySelector or system properties")
class LauncherNoDisplayTest {
    @Test
    void withoutADisplayItPointsToTheCommandLine() {
        String glass = System.clearProperty("glass.platform");
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = WorkbenchLauncher.launch(new String[0], Map.of(), new PrintStream(err, true, StandardCharsets.UTF_8));
            String text = err.toString(StandardCharsets.UTF_8);
            if (System.getProperty("os.name").toLowerCase().contains("linux")) {
                assertThat(code).isEqualTo(2);
                assertThat(text.strip()).doesNotContain("\n").contains("no display").contains("evalbench --help");
                assertThat(text).doesNotContain("Exception");
            }
        } finally {
            if (glass != null) System.setProperty("glass.platform", glass);
        }
    }

    /** `open --help` is usage (it said "no workspace or run file at --help"), with no display needed. */
    @Test
    void openHelpPrintsItsUsage() {
        for (String help : new String[] {"--help", "-h"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = WorkbenchLauncher.launch(new String[] {"open", help}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).isZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: evalbench [open [DIR | RUN-FILE [RUN-FILE]]]\n")
                    .contains("  open DIR                  the workspace DIR\n");
            assertThat(out.toString(StandardCharsets.UTF_8).lines()).allMatch(line -> line.length() <= 80);
        }
    }

    @Test
    void openingAPathWhereNothingIsIsBadInput() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = WorkbenchLauncher.launch(new String[] {"open", "no/such/folder"}, Map.of("DISPLAY", ":0"),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("evalbench open: no workspace or run file at no/such/folder: no such folder or file");
    }
}
