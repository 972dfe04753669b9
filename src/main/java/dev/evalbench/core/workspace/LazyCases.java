package dev.evalbench.core.workspace;

import java.util.AbstractList;
import java.util.List;
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
    private List<EvalCase> cases;

    /** @param parse the cases (never null: it throws instead); called once, by the first reader */
    LazyCases(Supplier<List<EvalCase>> parse) {
        this.parse = parse;
    }

    private synchronized List<EvalCase> cases() {
        if (cases == null) {
            cases = parse.get();
            parse = null; // the bytes and the load's context it holds are no longer needed
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
