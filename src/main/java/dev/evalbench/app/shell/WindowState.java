package dev.evalbench.app.shell;

import dev.evalbench.app.fx.AfterLayout;
import dev.evalbench.app.fx.WhileOnStage;
import dev.evalbench.app.settings.WorkbenchSettings;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Puts the window back where it was (size, position when still on a screen, maximized, split positions) and
 * captures it again on close. FX thread only; the settings are saved by the caller.
 */
public final class WindowState {
    private final Stage stage;
    private final MainWindow window;
    private final WorkbenchSettings settings;

    public WindowState(Stage stage, MainWindow window, WorkbenchSettings settings) {
        this.stage = stage;
        this.window = window;
        this.settings = settings;
    }

    public void restore() {
        // Never larger than the screen: a window remembered on a bigger monitor must still fit this one.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(settings.width, screen.getWidth()));
        stage.setHeight(Math.min(settings.height, screen.getHeight()));
        if (!Double.isNaN(settings.x) && onSomeScreen(settings.x, settings.y)) {
            stage.setX(settings.x);
            stage.setY(settings.y);
        }
        stage.setMaximized(settings.maximized);
        // Divider fractions only mean something once the window has its real width: the side panes do not
        // resize with the window, so fractions applied to the first, smaller layout would stick as pixels. The
        // first layout after showing may still change the width: a window opened on a run file (`evalbench open
        // FILE`) first lays its results out at their preferred width, far wider than the window, then shrinks to
        // it, and the shrink was all taken from the centre (171 px of 1,280). So the fractions are applied again
        // once that layout is done.
        EventHandler<WindowEvent> onShown = shown -> {
            applyDividers();
            AfterLayout.run(stage.getScene(), this::applyDividers);
        };
        WhileOnStage.attach(window.scene(), on -> {
            on.addEventHandler(WindowEvent.WINDOW_SHOWN, onShown);
            return () -> on.removeEventHandler(WindowEvent.WINDOW_SHOWN, onShown);
        });
    }

    private void applyDividers() {
        for (String pane : window.splitPanes().keySet()) {
            window.setDividers(pane, settings.dividers.getOrDefault(pane, window.defaultDividers(pane)));
        }
    }

    public void capture() {
        settings.maximized = stage.isMaximized();
        if (!stage.isMaximized()) {
            settings.x = stage.getX();
            settings.y = stage.getY();
            settings.width = stage.getWidth();
            settings.height = stage.getHeight();
        }
        window.splitPanes().keySet().forEach(name -> settings.dividers.put(name, window.dividers(name)));
    }

    private static boolean onSomeScreen(double x, double y) {
        return Screen.getScreens().stream().map(Screen::getVisualBounds).anyMatch(b -> contains(b, x + 20, y + 20));
    }

    private static boolean contains(Rectangle2D bounds, double x, double y) {
        return bounds.contains(x, y);
    }
}
