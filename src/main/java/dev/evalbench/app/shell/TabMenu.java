package dev.evalbench.app.shell;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Each tab's menu, on a right click on its title: Close, Close other tabs, Close tabs to the right, as desktop tools
 * have them. Every run and comparison opens a tab, and an afternoon's loop leaves dozens. Each tab closes as its ×
 * closes it ({@link #close}): its unsaved edits are asked about first, and may keep it open. FX thread only.
 */
final class TabMenu {
    private TabMenu() {}

    /** Gives every tab of {@code tabs}, now and later, its menu (a tab that has a menu of its own keeps it). */
    static void install(TabPane tabs) {
        tabs.getTabs().forEach(tab -> give(tabs, tab));
        tabs.getTabs().addListener((ListChangeListener<Tab>) change -> {
            while (change.next()) change.getAddedSubList().forEach(tab -> give(tabs, tab));
        });
    }

    private static void give(TabPane tabs, Tab tab) {
        if (tab.getContextMenu() != null) return;
        MenuItem close = new MenuItem("Close");
        close.setId("tab-close");
        close.setOnAction(e -> close(tabs, tab));
        MenuItem others = new MenuItem("Close other tabs");
        others.setId("tab-close-others");
        others.setOnAction(e -> List.copyOf(tabs.getTabs()).stream().filter(t -> t != tab).forEach(t -> close(tabs, t)));
        MenuItem right = new MenuItem("Close tabs to the right");
        right.setId("tab-close-right");
        right.setOnAction(e -> {
            List<Tab> all = List.copyOf(tabs.getTabs());
            all.subList(all.indexOf(tab) + 1, all.size()).forEach(t -> close(tabs, t));
        });
        ContextMenu menu = new ContextMenu(close, others, right);
        // Said as the menu opens: the tabs beside it change.
        menu.setOnShowing(e -> {
            others.setDisable(tabs.getTabs().size() < 2);
            right.setDisable(tabs.getTabs().indexOf(tab) == tabs.getTabs().size() - 1);
        });
        tab.setContextMenu(menu);
    }

    /** Closes {@code tab} the way its close button does: the tab's close request first, which may refuse. */
    static void close(TabPane tabs, Tab tab) {
        if (tab == null || !tab.isClosable() || !tabs.getTabs().contains(tab)) return;
        Event request = new Event(tab, tab, Tab.TAB_CLOSE_REQUEST_EVENT);
        Event.fireEvent(tab, request);
        if (request.isConsumed()) return;
        tabs.getTabs().remove(tab);
        if (tab.getOnClosed() != null) Event.fireEvent(tab, new Event(Tab.CLOSED_EVENT));
    }
}
