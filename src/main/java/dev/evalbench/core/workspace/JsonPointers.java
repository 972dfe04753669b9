package dev.evalbench.core.workspace;

/** RFC 6901 JSON pointers built segment by segment, the keys of {@link LocatedTree}'s location maps. */
final class JsonPointers {
    private JsonPointers() {}

    static String child(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }

    /** The pointer of the enclosing node; the root is its own parent. */
    static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    /** The last segment, unescaped; empty for the root. */
    static String lastSegment(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash < 0 ? "" : pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    }

    static String[] segments(String pointer) {
        if (pointer.isEmpty()) return new String[0];
        String[] raw = pointer.substring(1).split("/", -1);
        for (int i = 0; i < raw.length; i++) raw[i] = raw[i].replace("~1", "/").replace("~0", "~");
        return raw;
    }
}
