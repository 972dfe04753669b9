package dev.evalbench.core.run;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.VersionTuple;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.PromptTemplate;
import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.SuiteSpec;

/** One case to run: a case of a suite through its prompt on one route, as one sample. */
public record WorkItem(CaseKey key, SuiteSpec suite, EvalCase evalCase, PromptTemplate prompt, RouteSpec route, VersionTuple versions) {}
