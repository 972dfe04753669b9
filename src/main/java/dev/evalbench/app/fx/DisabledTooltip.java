package dev.evalbench.app.fx;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * A control whose tooltip also shows while it is disabled. JavaFX gives a disabled node no mouse events, so its own
 * tooltip never shows then (JDK-8090379): an icon button of the history column, disabled until a run is selected,
 * could not even say what it was for, and "Rerun failing" on a traffic run never said why it could not run. That
 * is when a user most wants to know.
 *
 * <p>The control goes into a pane of its own; while the control is disabled, the pane (which does receive the
 * pointer's events, passed up from the disabled control) shows a tooltip with the control's tooltip text, so one text,
 * kept by the control's owner, says both what the control does and, while disabled, why it cannot. While the control
 * is enabled the pane shows nothing and the control's own tooltip shows as usual. FX thread only.
 */
public final class DisabledTooltip {
    /** The style class of the pane around the control. */
    private static final String HOST = "disabled-tooltip-host";

    private DisabledTooltip() {}

    /** The pane to place where {@code control} would go; the control's tooltip may be set or changed later. */
    public static StackPane wrap(Control control) {
        StackPane host = new StackPane(control);
        host.getStyleClass().add(HOST);
        Tooltip whileDisabled = new Tooltip();
        Runnable follow = () -> {
            Tooltip own = control.getTooltip();
            if (control.isDisabled() && own != null) {
                whileDisabled.textProperty().bind(own.textProperty());
                Tooltip.install(host, whileDisabled);
            } else {
                Tooltip.uninstall(host, whileDisabled);
                whileDisabled.textProperty().unbind();
            }
        };
        control.disabledProperty().addListener((o, was, now) -> follow.run());
        control.tooltipProperty().addListener((o, was, now) -> follow.run());
        follow.run();
        return host;
    }
}
