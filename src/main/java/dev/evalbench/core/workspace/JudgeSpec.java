package dev.evalbench.core.workspace;

/**
 * One model-graded judge of a task suite ({@code judges: [{name, field, route, rubric, pass}]} in
 * evalbench.yaml): the route {@code route} grades the output field {@code field} with the prompt template
 * at {@code rubric}, answering {@code {"score": <int>, "reason": "..."}} strictly against the rubric's output
 * schema, whose {@code score} bounds are {@code minScore}..{@code maxScore}; the case passes the judge when
 * the CEL expression {@code pass} (over {@code score} and {@code reason}) holds. {@code template} is the
 * loaded rubric (null only in a manifest declaration not yet resolved). Each judge is the metrics
 * {@code judge.<name>.pass_rate} and {@code judge.<name>.mean_score}. Immutable.
 */
public record JudgeSpec(
        String name,
        String field,
        String route,
        String rubric,
        String pass,
        PromptTemplate template,
        int minScore,
        int maxScore) {

    /** A declaration as written in the manifest, before its rubric is loaded. */
    static JudgeSpec declared(String name, String field, String route, String rubric, String pass) {
        return new JudgeSpec(name, field, route, rubric, pass, null, 0, 0);
    }

    /** This judge with its rubric loaded and its score scale read from the rubric's schema. */
    JudgeSpec resolved(PromptTemplate rubricTemplate, int min, int max) {
        return new JudgeSpec(name, field, route, rubric, pass, rubricTemplate, min, max);
    }
}
