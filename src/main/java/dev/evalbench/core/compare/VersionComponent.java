package dev.evalbench.core.compare;

/**
 * The parts of a version tuple a reviewer asks about, in the order a comparison names them. The first six
 * change what a model outputs; {@link #JUDGE} (a judge's rubric or grading route/model) changes how outputs
 * are scored, {@link #MANIFEST} (evalbench.yaml: the suites, what each scores and how, their eval set versions) how
 * and what is scored and {@link #GATES} (the gates file) what passes, which the tuple does not carry (a run's inputs do);
 * {@link #APP_VERSION} and {@link #GIT_COMMIT} are context.
 */
public enum VersionComponent {
    PROMPT("prompt"),
    OUTPUT_SCHEMA("output schema"),
    PREPROCESSING("preprocessing"),
    POLICY("policy"),
    EVAL_SET("eval set"),
    ROUTE_MODEL("route/model"),
    JUDGE("judge"),
    MANIFEST("manifest"),
    GATES("gates"),
    APP_VERSION("app version"),
    GIT_COMMIT("git commit");

    private final String label;

    VersionComponent(String label) {
        this.label = label;
    }

    /** The name people read, e.g. "output schema". */
    public String label() {
        return label;
    }

    /** Whether a change here can change what the model outputs or how it is decided, scored and gated. */
    public boolean affectsOutput() {
        return this != APP_VERSION && this != GIT_COMMIT;
    }
}
