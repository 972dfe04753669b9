package dev.evalbench.core.workspace;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The cases of a suite whose dataset is a stored run's vouched input, read for reading a run (gating it,
 * masking what leaves the machine): decoded and parsed from the bytes read at load time the first time a
 * reader asks for them. Gating a stored run reads no case of the dataset (its verdicts come from the stored
 * rows), so {@code gate} no longer parses 50,000 lines it never reads. The bytes were checked when the run
 * was made, so parsing them again finds no error; if it does (a dataset the older version accepted), the
 * first reader gets an {@link IllegalStateException} naming the errors. Thread-safe: the first reader parses,
 * under a lock; the list is unmodifiable.
 */
final class LazyCases extends AbstractList<EvalCase> {
    private Supplier<List<EvalCase>> parse;
    private Supplier<Map<String, List<String>>> scanRestricted;
    private List<EvalCase> cases;
    private Map<String, List<String>> restricted;

    /**
     * @param parse          the cases (never null: it throws instead); called once, by the first reader
     * @param scanRestricted each case's restricted values read without parsing the cases ({@link
     *     RestrictedValuesScan}); called at most once, when they are asked for before the cases
     */
    LazyCases(Supplier<List<EvalCase>> parse, Supplier<Map<String, List<String>>> scanRestricted) {
        this.parse = parse;
        this.scanRestricted = scanRestricted;
    }

    /** Whether the cases were parsed (a reader asked for them). */
    synchronized boolean parsed() {
        return cases != null;
    }

    /** Case id to restricted values: from the cases once they are parsed, else from a scan of the bytes. */
    synchronized Map<String, List<String>> restrictedById() {
        if (restricted == null) {
            restricted = cases == null ? scanRestricted.get() : SuiteSpec.restrictedById(cases);
            scanRestricted = null;
        }
        return restricted;
    }

    private synchronized List<EvalCase> cases() {
        if (cases == null) {
            cases = parse.get();
            parse = null; // the bytes and the load's context it holds are no longer needed
            scanRestricted = null;
        }
        return cases;
    }

    @Override
    public EvalCase get(int index) {
        return cases().get(index);
    }

    @Override
    public int size() {
        return cases().size();
    }
}
