package dev.evalbench.core.run;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A real store passed through, for tests that change one of its answers by overriding it. */
class DelegatingStore implements RunStore {
    private final RunStore delegate;

    DelegatingStore(RunStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void appendCase(CaseRecord record) throws StoreException {
        delegate.appendCase(record);
    }

    @Override
    public void createRun(RunHeader header) throws StoreException {
        delegate.createRun(header);
    }

    @Override
    public String putSnapshot(byte[] content) throws StoreException {
        return delegate.putSnapshot(content);
    }

    @Override
    public Optional<byte[]> snapshot(String sha256) throws StoreException {
        return delegate.snapshot(sha256);
    }

    @Override
    public void appendEvent(String runId, RunEvent event) throws StoreException {
        delegate.appendEvent(runId, event);
    }

    @Override
    public void finishRun(String runId, RunStatus status, Instant finishedAt) throws StoreException {
        delegate.finishRun(runId, status, finishedAt);
    }

    @Override
    public void discardCases(String runId, java.util.Collection<CaseKey> keys) throws StoreException {
        delegate.discardCases(runId, keys);
    }

    @Override
    public void reopenRun(String runId, long pid) throws StoreException {
        delegate.reopenRun(runId, pid);
    }

    @Override
    public Optional<RunHeader> run(String runId) throws StoreException {
        return delegate.run(runId);
    }

    @Override
    public List<RunHeader> runs(int limit) throws StoreException {
        return delegate.runs(limit);
    }

    @Override
    public List<CaseRecord> cases(String runId) throws StoreException {
        return delegate.cases(runId);
    }

    @Override
    public Set<CaseKey> finishedKeys(String runId) throws StoreException {
        return delegate.finishedKeys(runId);
    }

    @Override
    public List<RunEvent> events(String runId) throws StoreException {
        return delegate.events(runId);
    }

    @Override
    public void tag(String runId, String tag) throws StoreException {
        delegate.tag(runId, tag);
    }

    @Override
    public java.util.Optional<String> untag(String tag) throws StoreException {
        return delegate.untag(tag);
    }

    @Override
    public Optional<String> resolve(String idOrTag) throws StoreException {
        return delegate.resolve(idOrTag);
    }

    @Override
    public Map<String, String> tags() throws StoreException {
        return delegate.tags();
    }

    @Override
    public void close() throws StoreException {
        delegate.close();
    }
}
