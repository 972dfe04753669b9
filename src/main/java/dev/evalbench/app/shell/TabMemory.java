package dev.evalbench.app.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.util.Duration;

/**
 * Which centre tabs the workbench opens again at its next start, as it left them. A tab that can be opened again
 * carries an id, "KIND:WHAT" ({@code file:prompts/triage.yaml}, {@code run:20261130-215615-2951},
 * {@code compare:FIRST SECOND}, {@code charts:history}), set by the feature that made it ({@link #remember}); each
 * feature registers how to open its kind ({@link #opener}). Tabs without an id (a report's export and verify forms,
 * runs read from files) are not kept.
 *
 * <p>Reopening goes one tab at a time, each after the previous one's tab appeared (most open off the FX thread:
 * a run's header, a file's text), so the tabs come back in their order. A feature that will not open its tab (its
 * file deleted, its run gone from the history) says so in the status bar and tells the reopening, which goes on
 * with the next tab at once; one that neither opens nor says within {@link #PATIENCE} is skipped then. FX thread
 * only.
 */
public final class TabMemory {
    private static final String KEY = "evalbench.tabMemory";
    /** How long a reopened tab may take to appear before the next one is opened without it. */
    private static final Duration PATIENCE = Duration.seconds(10);

    private final TabPane tabs;
    private final Map<String, Opener> openers = new LinkedHashMap<>();
    private final List<Runnable> whenReopened = new java.util.ArrayList<>();

    /** How a feature opens a tab of its kind again. */
    @FunctionalInterface
    public interface Opener {
        /**
         * Opens the tab {@code what} names (what follows "kind:" in its id), or, when it will not (gone, unreadable,
         * already said in the status bar), runs {@code notOpened}; either may happen later, on the FX thread.
         */
        void open(String what, Runnable notOpened);
    }

    TabMemory(TabPane tabs) {
        this.tabs = tabs;
    }

    /** Marks {@code tab} to be opened again at the next start as {@code kind:what}. */
    public static void remember(Tab tab, String kind, String what) {
        tab.getProperties().put(KEY, kind + ":" + what);
    }

    private static Optional<String> idOf(Tab tab) {
        return Optional.ofNullable((String) tab.getProperties().get(KEY));
    }

    /**
     * Runs {@code then} each time a reopening ends (its tabs opened, the remembered one selected), or at once for a
     * workspace that had none: what opens after it is shown over the remembered tabs.
     */
    public void whenReopened(Runnable then) {
        whenReopened.add(then);
    }

    /** How to open a tab of {@code kind} again. */
    public void opener(String kind, Opener open) {
        openers.put(kind, open);
    }

    /** The ids of the open tabs that can be opened again, in their order. */
    public List<String> openIds() {
        List<String> ids = new ArrayList<>();
        for (Tab tab : tabs.getTabs()) idOf(tab).ifPresent(ids::add);
        return ids;
    }

    /** The id of the selected tab, or null when it cannot be opened again. */
    public String selectedId() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        return selected == null ? null : idOf(selected).orElse(null);
    }

    /** Opens the tabs {@code ids} names, in order, then selects the one {@code selected} names (if it came back). */
    public void reopen(List<String> ids, String selected) {
        Deque<String> pending = new ArrayDeque<>();
        for (String id : ids) {
            int colon = id.indexOf(':');
            if (colon > 0 && openers.containsKey(id.substring(0, colon)) && !pending.contains(id)) pending.add(id);
        }
        if (!pending.isEmpty()) new Reopening(pending, selected).next();
        else whenReopened.forEach(Runnable::run);
    }

    /** One reopening in progress: the ids still to open and the wait for the last one's tab. */
    private final class Reopening implements ListChangeListener<Tab> {
        private final Deque<String> pending;
        private final String selected;
        private final PauseTransition wait = new PauseTransition(PATIENCE);
        private String awaited;

        Reopening(Deque<String> pending, String selected) {
            this.pending = pending;
            this.selected = selected;
            wait.setOnFinished(e -> next());
        }

        void next() {
            wait.stop();
            tabs.getTabs().removeListener(this);
            awaited = pending.poll();
            if (awaited == null) {
                tabs.getTabs().stream().filter(t -> idOf(t).filter(id -> id.equals(selected)).isPresent()).findFirst()
                        .ifPresent(t -> tabs.getSelectionModel().select(t));
                whenReopened.forEach(Runnable::run);
                return;
            }
            if (openIds().contains(awaited)) {
                next();
                return;
            }
            tabs.getTabs().addListener(this);
            wait.playFromStart();
            String id = awaited;
            int colon = id.indexOf(':');
            openers.get(id.substring(0, colon)).open(id.substring(colon + 1), () -> {
                if (id.equals(awaited)) next();
            });
        }

        @Override
        public void onChanged(Change<? extends Tab> change) {
            while (change.next()) {
                for (Tab added : change.getAddedSubList()) {
                    if (idOf(added).filter(awaited::equals).isPresent()) {
                        // After this change is delivered (the next pulse): the next opener may add a tab itself.
                        dev.evalbench.app.fx.AfterLayout.runIn(tabs, this::next);
                        tabs.getTabs().removeListener(this);
                        wait.stop();
                        return;
                    }
                }
            }
        }
    }
}
