package dev.evalbench.core.service;

import dev.evalbench.core.gate.GateEvaluator;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.workspace.Workspace;

/**
 * Gates a stored run against the workspace's gates and an optional baseline. Reads records only: it never
 * calls a model, so an old run can be re-gated at any time. Pure; safe on any thread but the FX thread
 * (it can take a few hundred milliseconds on large runs because of bootstrap intervals).
 */
public final class GateService {
    public GateReport gate(Workspace ws, StoredRun run, StoredRun baseline) {
        return new GateEvaluator(ws.suites()).evaluate(ws.gates(), run, baseline);
    }
}
