package dev.evalbench.app.editor;

import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.service.PromptFileException;
import dev.evalbench.core.service.PromptParts;
import dev.evalbench.core.service.UndefinedVariables;
import dev.evalbench.core.template.PromptRenderer;
import dev.evalbench.core.template.TemplateException;
import dev.evalbench.core.template.TemplateReferences;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.PromptFileShape;
import dev.evalbench.core.workspace.PromptPartLines;
import dev.evalbench.core.workspace.PromptTemplate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the editor shows beside a prompt file's text for one case: the variables the case does not define
 * (placed in the text) and the rendered messages, or the strict renderer's message when it cannot render
 * (never an empty string in place of a missing variable). {@code maskedPreview} is the preview with the case's
 * restricted values masked, as reports and CI outputs show them (the same text when there is none);
 * {@code fileProblem} the file's first error, which no case changes, and {@code problemLine} its line in the file
 * (0 when there is none, or it has no line). Computed off the UI thread. Immutable.
 */
record TemplateAnalysis(List<UndefinedVariables.Undefined> undefined, String preview, String maskedPreview,
        String fileProblem, int problemLine) {
    /** @param mask the workspace's outbound mask, or null before the cases (and it) are read */
    static TemplateAnalysis of(String file, String text, CaseChoice chosen, PromptRenderer renderer, OutboundMask mask) {
        List<InputError> problems = problems(file, text, renderer);
        Rendered r = of(file, text, chosen, renderer, fileProblem(problems));
        String masked = mask == null || chosen == null ? r.preview() : mask.text(chosen.id(), r.preview());
        return new TemplateAnalysis(r.undefined(), r.preview(), masked, r.fileProblem(),
                problems.isEmpty() ? 0 : problems.get(0).line());
    }

    /** The analysis before masking. */
    private record Rendered(List<UndefinedVariables.Undefined> undefined, String preview, String fileProblem) {}

    private static Rendered of(String file, String text, CaseChoice chosen, PromptRenderer renderer, String problem) {
        if (chosen == null) return new Rendered(List.of(), "Pick a case to preview the rendered messages.", problem);
        PromptParts parts;
        List<UndefinedVariables.Undefined> undefined;
        try {
            parts = PromptParts.parse(file, text);
            undefined = UndefinedVariables.in(file, text, chosen.vars());
        } catch (PromptFileException e) {
            return new Rendered(List.of(), "Cannot preview: " + e.getMessage(), problem);
        }
        PromptTemplate template = parts.template(file);
        try {
            StringBuilder out = new StringBuilder();
            for (Message m : renderer.render(template, chosen.vars())) {
                if (!out.isEmpty()) out.append("\n\n");
                out.append("── ").append(m.role().toUpperCase(java.util.Locale.ROOT)).append(" ──\n").append(m.content());
            }
            return new Rendered(undefined, out.toString(), problem);
        } catch (TemplateException e) {
            // At the file's line, as the editor numbers it, not at a line of the part.
            int first = e.line() > 0 ? PromptPartLines.firstLine(file, text.getBytes(StandardCharsets.UTF_8), e.part()) : 0;
            // A part that does not parse has no variables to mark: read as one, its text underlined word by word.
            return new Rendered(e.syntaxError() ? List.of() : undefined,
                    "Cannot render for case " + chosen.id() + ": " + e.inFile(first), problem);
        }
    }

    /**
     * The file's errors as {@code validate} reports them: its shape (an unknown key, a missing changelog, broken
     * YAML), else a template part that does not parse, which no case's variables change. Empty when the text is
     * a prompt file the workspace loads. Said while typing, since a revision saved with one leaves the workspace
     * unable to run; a save refuses such a text for that reason.
     */
    private static List<InputError> problems(String file, String text, PromptRenderer renderer) {
        List<InputError> shape = PromptFileShape.problems(file, text);
        if (!shape.isEmpty()) return shape;
        try {
            renderer.compile(PromptParts.parse(file, text).template(file));
            return List.of();
        } catch (PromptFileException e) {
            return List.of(); // the shape check above says what a prompt file lacks
        } catch (TemplateException e) {
            int first = e.line() > 0 ? PromptPartLines.firstLine(file, text.getBytes(StandardCharsets.UTF_8), e.part()) : 0;
            return List.of(e.inFile(first));
        }
    }

    /**
     * Throws the text's first problem as {@link #problems} finds it. A revision is what runs use: one whose template
     * did not parse was saved and left the workspace unable to run (as a YAML error would, which the save refused
     * already); the edits stay, unsaved. Blocking only as long as a compile: off the UI thread with the save.
     */
    static void refuseUnloadable(String file, String text, PromptRenderer renderer) throws PromptFileException {
        List<InputError> problems = problems(file, text, renderer);
        if (problems.isEmpty()) return;
        InputError first = problems.get(0);
        throw new PromptFileException(first.file(), first.line(), first.column(), first.message());
    }

    /** The first of {@code problems} at its line, with how many more there are; empty when there is none. */
    private static String fileProblem(List<InputError> problems) {
        if (problems.isEmpty()) return "";
        InputError first = problems.get(0);
        String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more)";
        return (first.line() > 0 ? "Line " + first.line() + ": " : "") + first.message() + more;
    }

    /**
     * One line naming what the case lacks, or empty. A variable none of {@code cases} (the prompt's, read so far)
     * defines is the template's to fix, not the case's: said so, as {@code validate} names it at the template's line.
     */
    String undefinedSummary(CaseChoice chosen, List<CaseChoice> cases) {
        if (undefined.isEmpty() || chosen == null) return "";
        Predicate<String> noCaseDefines = path -> cases.stream().noneMatch(c -> TemplateReferences.defines(c.vars(), path));
        boolean noneDefinedAnywhere = cases.size() > 1 && undefined.stream().map(UndefinedVariables.Undefined::path)
                .allMatch(noCaseDefines);
        StringBuilder line = new StringBuilder(noneDefinedAnywhere
                ? "Not defined by any of the " + cases.size() + " cases: "
                : "Not defined by case " + chosen.id() + ": ");
        for (int i = 0; i < undefined.size(); i++) {
            UndefinedVariables.Undefined u = undefined.get(i);
            if (i > 0) line.append(", ");
            line.append(u.path()).append(" (line ").append(u.line());
            if (!noneDefinedAnywhere && cases.size() > 1 && noCaseDefines.test(u.path())) line.append(", nor by any other case");
            line.append(')');
        }
        return line.toString();
    }
}
