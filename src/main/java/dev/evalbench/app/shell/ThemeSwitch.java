package dev.evalbench.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import dev.evalbench.app.settings.WorkbenchSettings;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The light and the dark theme (AtlantaFX Primer): applied at start from the settings, switched with Ctrl+Shift+T
 * or the button at the status bar's right end, and kept in the settings for the next start (they are written at
 * close, with the rest). The whole window restyles at once: every view takes its colours from the theme's
 * variables. FX thread only.
 */
public final class ThemeSwitch {
    /** The settings' word for the dark theme; anything else is the light one. */
    public static final String DARK = "dark";
    private static final String LIGHT = "light";

    private final WorkbenchSettings settings;
    private final Button button = new Button();

    private ThemeSwitch(WorkbenchSettings settings) {
        this.settings = settings;
    }

    /** Makes {@code theme} ({@link #DARK} or light) the application's style sheet. */
    public static void apply(String theme) {
        Application.setUserAgentStylesheet(DARK.equals(theme)
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds the shortcut and the status bar's button to {@code window}, switching the theme {@code settings} keep. */
    public static void install(MainWindow window, WorkbenchSettings settings) {
        ThemeSwitch theme = new ThemeSwitch(settings);
        theme.button.setId("theme-switch");
        theme.button.getStyleClass().add(Styles.FLAT);
        theme.button.setOnAction(e -> theme.toggle());
        theme.button.setMinWidth(Region.USE_PREF_SIZE);
        theme.label();
        // At the status bar's right end, after the run bar: the tool bar is full at the window's usual widths, and
        // what does not fit there moves into its overflow menu, out of sight.
        window.addStatusItem(theme.button);
        window.shortcuts().add(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Window", "Switch between the light and the dark theme (kept for the next start)", theme::toggle);
    }

    private void toggle() {
        settings.theme = DARK.equals(settings.theme) ? LIGHT : DARK;
        apply(settings.theme);
        label();
    }

    /** The button offers the other theme. */
    private void label() {
        boolean dark = DARK.equals(settings.theme);
        button.setGraphic(new FontIcon(dark ? "fth-sun" : "fth-moon"));
        button.setTooltip(new Tooltip((dark ? "Light theme" : "Dark theme") + " (Ctrl+Shift+T)"));
        button.setAccessibleText(dark ? "Switch to the light theme" : "Switch to the dark theme");
    }
}
