package dev.evalbench.core.record;

import java.util.List;

/**
 * How a run was asked for: enough to resume it. {@code suites} empty means every suite; {@code cacheMode} is
 * "read-write", "read" or "off".
 */
public record RunConfig(List<String> routes, List<String> suites, int repeat, int concurrency, String cacheMode) {}
