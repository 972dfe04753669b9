package dev.evalbench.app.fx;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.nio.file.Path;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.event.Event;
import javafx.event.EventTarget;
import javafx.event.EventType;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Drops files on a node or scene as a file manager would: a DRAG_OVER (whose accepted transfer mode is
 * returned) and, when accepted, a DRAG_DROPPED, both carrying a dragboard that holds the files. Headless Monocle
 * has no drag source of its own, so the dragboard is built over an in-memory clipboard through JavaFX's own
 * factory; everything after that (event dispatch, the handlers, what they open) is the real application.
 * Call on the FX thread.
 */
public final class FileDrop {
    private FileDrop() {}

    /** @return the transfer mode the target accepted on DRAG_OVER, or null when it refused (then nothing is dropped) */
    public static TransferMode drop(EventTarget target, Path... files) {
        Dragboard board = DragboardHelper.createDragboard(new MemoryClipboard());
        board.setContent(Map.of(DataFormat.FILES, List.of(files).stream().map(Path::toFile).toList()));
        DragEvent over = event(target, DragEvent.DRAG_OVER, board, TransferMode.COPY);
        Event.fireEvent(target, over);
        TransferMode accepted = over.getAcceptedTransferMode();
        if (accepted != null) Event.fireEvent(target, event(target, DragEvent.DRAG_DROPPED, board, accepted));
        return accepted;
    }

    private static DragEvent event(EventTarget target, EventType<DragEvent> type, Dragboard board, TransferMode mode) {
        return new DragEvent(target, target, type, board, 10, 10, 10, 10, mode, null, target, null);
    }

    /** The clipboard behind the dragboard: what was put is what is read. */
    private static final class MemoryClipboard implements TKClipboard {
        private final Map<DataFormat, Object> content = new HashMap<>();

        @Override public void setSecurityContext(AccessControlContext ctx) {}
        @Override public Set<DataFormat> getContentTypes() { return content.keySet(); }
        @SafeVarargs
        @Override public final boolean putContent(Pair<DataFormat, Object>... items) {
            content.clear();
            for (Pair<DataFormat, Object> item : items) content.put(item.getKey(), item.getValue());
            return true;
        }
        @Override public Object getContent(DataFormat format) { return content.get(format); }
        @Override public boolean hasContent(DataFormat format) { return content.containsKey(format); }
        @Override public Set<TransferMode> getTransferModes() { return EnumSet.of(TransferMode.COPY); }
        @Override public void setDragView(Image image) {}
        @Override public void setDragViewOffsetX(double offsetX) {}
        @Override public void setDragViewOffsetY(double offsetY) {}
        @Override public Image getDragView() { return null; }
        @Override public double getDragViewOffsetX() { return 0; }
        @Override public double getDragViewOffsetY() { return 0; }
    }

}
