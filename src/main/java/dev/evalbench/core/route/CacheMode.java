package dev.evalbench.core.route;

/**
 * How the router uses the response cache: {@code read-write} answers from it and stores fresh answers,
 * {@code read} answers from it but stores nothing, {@code off} neither reads nor stores.
 */
public enum CacheMode {
    READ_WRITE("read-write"),
    READ("read"),
    OFF("off");

    private final String label;

    CacheMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean reads() {
        return this != OFF;
    }

    public boolean writes() {
        return this == READ_WRITE;
    }

    /** The mode for its label as written in a run config; anything else is an IllegalArgumentException. */
    public static CacheMode parse(String label) {
        for (CacheMode mode : values()) {
            if (mode.label.equals(label)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("cache mode must be read-write, read or off, not '" + label + "'");
    }
}
