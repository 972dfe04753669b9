package dev.evalbench.app.detail;

import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The line above a case's detail that says its restricted values are masked, with the button that reveals them as
 * they are kept (by the history, by the dataset) and masks them again. The pane that owns it shows what the bar says
 * ({@code onReveal}); the bar only words and toggles. FX thread only.
 */
public final class RevealBar extends HBox {
    private final Label notice = new Label();
    private final Button toggle = new Button();
    private final String keptBy;
    private final Consumer<Boolean> onReveal;
    private boolean revealed;

    /**
     * @param toggleId the button's id (each pane's own, so a test or a user's style sheet finds it)
     * @param keptBy   what keeps the values as revealed, in the notice's words: "the history", "the dataset"
     * @param onReveal called with true when the values are to be shown as kept, false when masked
     */
    public RevealBar(String toggleId, String keptBy, Consumer<Boolean> onReveal) {
        super(8);
        this.keptBy = keptBy;
        this.onReveal = onReveal;
        toggle.setId(toggleId);
        notice.setWrapText(true);
        // The notice wraps; the button keeps its word (a narrow detail pane drew it as "...").
        toggle.setMinWidth(USE_PREF_SIZE);
        HBox.setHgrow(notice, javafx.scene.layout.Priority.ALWAYS);
        setStyle("-fx-padding: 6 8 0 8; -fx-alignment: center-left;");
        getChildren().addAll(notice, toggle);
        toggle.setOnAction(e -> reveal(!revealed));
    }

    /** Shows the values masked (false) or as kept (true), and words the bar to match. */
    public void reveal(boolean revealed) {
        this.revealed = revealed;
        notice.setText(revealed ? "Showing restricted values as " + keptBy + " keeps them."
                : "Restricted values (any case's) and patterns are masked, as in reports and CI outputs.");
        toggle.setText(revealed ? "Mask" : "Reveal");
        onReveal.accept(revealed);
    }
}
