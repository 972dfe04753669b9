package dev.evalbench.app.compare;

import dev.evalbench.app.fx.UnifiedDiffView;
import dev.evalbench.core.compare.TemplateDiff;
import dev.evalbench.core.compare.UnifiedLine;
import dev.evalbench.core.compare.VersionComponent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A changed prompt's template diff (or its output schema's, the policy's, the routes' or the gates') in a window of its
 * own, as wide as a reader wants it: the comparison links it from the narrow column beside the gates, where a long line
 * would wrap into many. Not modal, so the comparison stays usable beside it; Escape closes it. FX thread only.
 */
final class TemplateDiffWindow {
    /** Equal lines shown around each change: a window has room for more than the revision history's three. */
    static final int CONTEXT = 4;

    private TemplateDiffWindow() {}

    /** Opens the window over {@code owner} and returns it. {@code diff} must be {@link TemplateDiff#available}. */
    static Stage open(Window owner, TemplateDiff diff) {
        UnifiedDiffView view = new UnifiedDiffView();
        view.setId("template-diff-window");
        view.show(UnifiedLine.of(diff.diff().hunks(CONTEXT)));
        Scene scene = new Scene(view, Math.max(640, owner.getWidth() * 0.7), Math.max(400, owner.getHeight() * 0.7));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title(diff));
        scene.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ESCAPE) stage.close();
        });
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /**
     * "Prompt triage: prompts/triage.yaml, first run → second run" ("Policy: policy.yaml, …"), naming both files when
     * it was renamed.
     */
    static String title(TemplateDiff diff) {
        String path = diff.beforePath() == null || diff.beforePath().equals(diff.afterPath()) ? diff.afterPath()
                : diff.beforePath() + " → " + diff.afterPath();
        String what = diff.component() == VersionComponent.PROMPT ? "Prompt " + diff.subject() : diff.heading();
        return what + (path == null ? "" : ": " + path) + ", first run → second run";
    }
}
