package dev.evalbench.core.gate;

import dev.evalbench.core.workspace.GateSpec;
import dev.evalbench.core.workspace.GateSpec.GateKind;

/** Gate specs as gates.yaml would give them. */
final class GateSpecs {
    private GateSpecs() {}

    static GateSpec schema(String suite, double min) {
        return new GateSpec("schema", GateKind.SCHEMA_PASS_RATE, suite, null, min, null, null, null, null, null, null);
    }

    static GateSpec metric(String id, String metric, Double min, Double tolerance, String mode) {
        return new GateSpec(id, GateKind.METRIC, "triage", metric, min, null, null, tolerance, null, mode, null);
    }

    static GateSpec safety(String suite) {
        return new GateSpec("safety", GateKind.SAFETY_PASS_RATE, suite, null, null, null, null, null, null, null, null);
    }

    static GateSpec latency(double maxMs) {
        return new GateSpec("latency", GateKind.P95_LATENCY, null, null, null, null, maxMs, null, null, null, null);
    }

    static GateSpec tokens(double max) {
        return new GateSpec("tokens", GateKind.TOTAL_TOKENS, null, null, null, max, null, null, null, null, null);
    }

    static GateSpec cost(double maxIncrease) {
        return new GateSpec("cost", GateKind.COST_VARIANCE, null, null, null, null, null, null, maxIncrease, null, null);
    }
}
