package dev.evalbench.core.run;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import java.util.concurrent.atomic.AtomicInteger;

/** A real store that fails every append after the first {@code okAppends}, as a full disk would. */
final class FailingStore extends DelegatingStore {
    private final AtomicInteger left;

    FailingStore(RunStore delegate, int okAppends) {
        super(delegate);
        this.left = new AtomicInteger(okAppends);
    }

    @Override
    public void appendCase(CaseRecord record) throws StoreException {
        if (left.getAndDecrement() <= 0) throw new StoreException("disk full");
        super.appendCase(record);
    }
}
