package dev.evalbench.core.workspace;

/**
 * A {@code ${NAME}} reference in a route's setting whose variable the environment lacks, written without a
 * default: {@code setting} is where it is used below the route ({@code base_url}, {@code params.model},
 * {@code headers.X-Org}), {@code where} the file, line and column with the message a run that needs the route
 * gives. The route keeps the reference's text; no value is ever read from it. Immutable.
 */
public record UnsetVariable(String route, String setting, String variable, InputError where) {}
