package dev.evalbench.app.author;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * Runs {@code then} once, at the first change of an editor's text: once its file has been read (the caret goes to a
 * problem's place then, not into the still empty area). FX thread, as the text's changes are.
 */
record OnceRead(Runnable then) implements ChangeListener<String> {
    @Override
    public void changed(ObservableValue<? extends String> o, String was, String now) {
        o.removeListener(this);
        then.run();
    }
}
