package dev.evalbench.app.shell;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps JavaFX's start-up warning about how it was loaded off the user's terminal. JavaFX 21 logs "Unsupported
 * JavaFX configuration: classes were loaded from 'unnamed module @...'" on every start whose JavaFX classes come
 * from the class path rather than from named modules, which is how both the shaded {@code java -jar} and the
 * packaged image (whose jar is not modular) run it: a warning a user cannot act on, printed each time the window
 * opens, that reads as if something were broken. Every other message of JavaFX's logger passes as before.
 *
 * <p>JavaFX logs through {@code System.getLogger("javafx")}, which the JDK hands to {@code java.util.logging}'s
 * logger of that name when the runtime has {@code java.logging} (the JDK and the packaged image do); the filter
 * sits on that logger. Call before the toolkit starts, from the thread that starts the workbench; calling again
 * changes nothing.
 */
public final class ClassPathNotice {
    /** The start of the one message dropped (PlatformImpl.startup). */
    static final String PREFIX = "Unsupported JavaFX configuration: classes were loaded from ";
    /** Held here: java.util.logging keeps its loggers weakly, and a logger collected and made again has no filter. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private ClassPathNotice() {}

    /** Puts the filter on JavaFX's logger, in front of any filter it had. */
    public static synchronized void hide() {
        Filter before = JAVAFX.getFilter();
        if (before instanceof Dropping) return;
        JAVAFX.setFilter(new Dropping(before));
    }

    /** Whether {@code record} is the class-path warning. */
    static boolean isNotice(LogRecord record) {
        String message = record.getMessage();
        return message != null && message.startsWith(PREFIX);
    }

    /** Drops the warning and asks the filter that was there before (if any) about everything else. */
    private record Dropping(Filter before) implements Filter {
        @Override
        public boolean isLoggable(LogRecord record) {
            return !isNotice(record) && (before == null || before.isLoggable(record));
        }
    }
}
