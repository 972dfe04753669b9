package dev.evalbench.app.runner;

import atlantafx.base.theme.Styles;
import dev.evalbench.app.fx.NumberSpinner;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The launcher in the tool bar: routes and suites to tick (several at once), concurrency and repeat (typed, or
 * stepped with the arrows), cache mode and the Run button (Ctrl+R). A refused run says why in the window's status
 * line. FX thread only.
 */
final class LauncherControls {
    private LauncherControls() {}

    static List<Node> of(RunLauncherViewModel vm, Runnable run) {
        // A route whose key is unset here says so beside its name: ticked all the same, Run says what to do.
        MenuButton routes = ticks("launcher-routes", "No route", vm.routes(), vm.chosenRoutes(), "every route ticked runs",
                vm::routeNote);
        MenuButton suites = ticks("launcher-suites", "All suites", vm.suites(), vm.chosenSuites(), "none ticked: every suite",
                suite -> null);
        Spinner<Integer> concurrency = NumberSpinner.of(1, 256, vm.concurrencyProperty().get());
        concurrency.setId("launcher-concurrency");
        concurrency.setPrefWidth(75);
        concurrency.setTooltip(new Tooltip("Concurrency: cases in flight at once"));
        concurrency.valueProperty().addListener((o, was, now) -> vm.concurrencyProperty().set(now));
        // Both ways: the choices remembered for a workspace come back once it opens, after the controls were made,
        // and the controls went on showing the defaults ("read-write") over a launcher set to "off".
        vm.concurrencyProperty().addListener((o, was, now) -> concurrency.getValueFactory().setValue(now.intValue()));
        Spinner<Integer> repeat = NumberSpinner.of(1, 100, vm.repeatProperty().get());
        repeat.setId("launcher-repeat");
        repeat.setPrefWidth(65);
        repeat.setTooltip(new Tooltip("Repeat: samples per case"));
        repeat.valueProperty().addListener((o, was, now) -> vm.repeatProperty().set(now));
        vm.repeatProperty().addListener((o, was, now) -> repeat.getValueFactory().setValue(now.intValue()));
        ChoiceBox<String> cache = new ChoiceBox<>();
        cache.setId("launcher-cache");
        cache.getItems().setAll("read-write", "read", "off");
        cache.valueProperty().bindBidirectional(vm.cacheModeProperty());
        // As wide as "read-write" needs (the theme's default is half again as wide): the tool bar fits 1,280 px.
        cache.setPrefWidth(115);
        cache.setTooltip(new Tooltip("Response cache: read-write answers from it and stores fresh answers; read "
                + "answers from it and stores nothing; off asks the model every time"));
        // The three words alone do not say what they set.
        Label cacheLabel = new Label("cache");
        cacheLabel.setLabelFor(cache);
        FontIcon play = new FontIcon("fth-play");
        // Appended: the icon keeps its font in its own inline style.
        play.setStyle(play.getStyle() + "-fx-icon-color: -color-accent-fg;");
        Button runButton = new Button("Run", play);
        runButton.setId("launcher-run");
        // Not Styles.ACCENT: in a tool bar the theme drops its fill and leaves white text on a light bar.
        runButton.getStyleClass().add(Styles.TEXT_BOLD);
        runButton.setTooltip(new Tooltip("Run the chosen routes and suites (Ctrl+R)"));
        runButton.setOnAction(e -> run.run());
        return List.of(routes, suites, new Label("×"), concurrency, new Label("repeat"), repeat, cacheLabel, cache,
                runButton, new Separator(javafx.geometry.Orientation.VERTICAL));
    }

    /**
     * A menu of check items mirroring {@code chosen} over {@code all}, each named by its item's user data; an item's
     * {@code note} (null: none) follows its name.
     */
    private static MenuButton ticks(String id, String title, ObservableList<String> all, ObservableList<String> chosen,
                                    String tip, java.util.function.Function<String, String> note) {
        MenuButton menu = new MenuButton(title);
        menu.setId(id);
        menu.setMnemonicParsing(false);
        menu.setTooltip(new Tooltip(tip));
        Runnable fill = () -> {
            menu.getItems().clear();
            for (String name : all) {
                String said = note.apply(name);
                CheckMenuItem item = new CheckMenuItem(said == null ? name : name + "  ·  " + said);
                item.setUserData(name);
                // Read as written: "OPENAI_API_KEY" (a route or suite named my_route too), not "_" taken as a mnemonic.
                item.setMnemonicParsing(false);
                item.setSelected(chosen.contains(name));
                item.selectedProperty().addListener((o, was, now) -> {
                    if (now && !chosen.contains(name)) chosen.add(name);
                    if (!now) chosen.remove(name);
                });
                menu.getItems().add(item);
            }
            menu.setText(chosen.isEmpty() ? title : String.join(", ", chosen));
        };
        all.addListener((ListChangeListener<String>) c -> fill.run());
        chosen.addListener((ListChangeListener<String>) c -> {
            menu.setText(chosen.isEmpty() ? title : String.join(", ", chosen));
            menu.getItems().forEach(i -> ((CheckMenuItem) i).setSelected(chosen.contains((String) i.getUserData())));
        });
        fill.run();
        return menu;
    }
}
