package dev.evalbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** JavaFX's logger, reached as JavaFX reaches it, loses the class-path warning and nothing else. */
class ClassPathNoticeTest {
    @Test
    void onlyTheClassPathWarningIsDropped() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                seen.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger javafx = Logger.getLogger("javafx");
        javafx.addHandler(handler);
        try {
            ClassPathNotice.hide();
            ClassPathNotice.hide(); // a second call changes nothing
            System.Logger viaSystem = System.getLogger("javafx");
            viaSystem.log(System.Logger.Level.WARNING, ClassPathNotice.PREFIX + "'unnamed module @1a2b3c'");
            viaSystem.log(System.Logger.Level.WARNING, "Unsupported JavaFX configuration: something else");
            viaSystem.log(System.Logger.Level.WARNING, "CSS Error parsing file:/a.css: Expected RBRACE at [3,4]");
            assertThat(seen).containsExactly("Unsupported JavaFX configuration: something else",
                    "CSS Error parsing file:/a.css: Expected RBRACE at [3,4]");
        } finally {
            javafx.removeHandler(handler);
        }
    }
}
