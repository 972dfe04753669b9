package dev.evalbench.core.record;

/**
 * The version of one judge as a case recorded it: the rubric template ({@code promptId}, its revision and
 * the SHA-256 of its file and of its answer schema) and the route that grades (its name, provider, model and
 * the SHA-256 of its whole definition, as for the case's own route). A change to any of them changes the
 * judge's scores, so a comparison shows it as a version change. Immutable.
 */
public record JudgeVersion(
        String name,
        String promptId,
        int promptRevision,
        String promptHash,
        String outputSchemaHash,
        String route,
        String provider,
        String model,
        String routeHash) {

    /** One line for people: "reply-quality: reply-rubric revision 2 on grader (scripted/reply-grader-v1)". */
    public String describe() {
        return name + ": " + grading();
    }

    /** How it grades, where its name is said already: "reply-rubric revision 2 on grader (scripted/reply-grader-v1)". */
    public String grading() {
        return promptId + " revision " + promptRevision + " on " + route + " (" + provider + "/" + model + ")";
    }
}
