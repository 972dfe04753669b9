package dev.evalbench.cli;

/** The documented exit codes, the contract CI scripts rely on. */
public final class ExitCodes {
    /** Every gate passed (or, for commands without gates, the command did what it was asked). */
    public static final int OK = 0;
    /** A gate failed, or a signature or digest is invalid. */
    public static final int GATE_FAILED = 1;
    /** Bad input or usage: nothing was written. */
    public static final int BAD_INPUT = 2;
    /** The run could not complete; it is kept as incomplete and can be resumed. */
    public static final int INCOMPLETE = 3;

    private ExitCodes() {}
}
