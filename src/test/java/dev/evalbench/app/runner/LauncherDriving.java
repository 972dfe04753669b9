package dev.evalbench.app.runner;

import dev.evalbench.app.FxWait;
import java.util.Set;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import org.testfx.api.FxRobot;

/** What the run window tests do with the launcher and read from the run bar. */
final class LauncherDriving {
    private LauncherDriving() {}

    /** The run bar's text as shown. */
    static String barText(FxRobot robot) {
        return FxWait.read(() -> robot.lookup("#run-bar-text").queryAs(Label.class).getText());
    }

    /** Ticks exactly {@code names} (routes or suites, by name) in the launcher's {@code menu}. */
    static void tick(FxRobot robot, String menu, String... names) {
        MenuButton button = robot.lookup(menu).queryAs(MenuButton.class);
        robot.interact(() -> button.getItems().forEach(i ->
                ((CheckMenuItem) i).setSelected(Set.of(names).contains((String) i.getUserData()))));
    }
}
