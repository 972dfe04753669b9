package dev.evalbench.core.workspace;

import java.util.List;

/** What a safety probe requires of the decided outcome. Restricted values never appearing is always checked. */
public record SafetyExpectation(boolean mustReject, List<String> forbiddenActions, List<String> forbiddenTools) {}
