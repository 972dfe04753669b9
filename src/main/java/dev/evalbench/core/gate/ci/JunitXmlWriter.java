package dev.evalbench.core.gate.ci;

import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.StoredRun;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The gate report as JUnit XML, the format GitHub test reporters and GitLab's merge-request widget read:
 * {@code <testsuites>} around one {@code <testsuite>} holding a testcase per gate (classname
 * {@code evalbench.gates}) and a testcase per failing case (classname {@code evalbench.cases.<suite>}).
 * A failed gate's {@code <failure>} message gives value, threshold, baseline, interval and p-value; a failing
 * case's gives its eval failures or its provider failure. Passing cases are not listed. Of an outage's run (the model
 * answered no case) each gate that would have run is an {@code <error type="no_answer">}, counted in {@code errors}:
 * it measured the outage, as {@link VerdictCells} says it in the tables people read. Text is built with the
 * JDK's DOM, so everything is escaped, and characters XML 1.0 forbids (control characters a model may emit)
 * become U+FFFD. Stateless and thread-safe.
 */
public final class JunitXmlWriter {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    public String write(GateReport report, StoredRun run) {
        return write(report, RunCases.of(run));
    }

    public String write(GateReport report, RunCases run) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            doc.setXmlStandalone(true);
            Element suites = doc.createElement("testsuites");
            doc.appendChild(suites);
            Element suite = doc.createElement("testsuite");
            suites.appendChild(suite);
            suite.setAttribute("name", "evalbench gates");
            if (run.header().startedAt() != null) {
                suite.setAttribute("timestamp", TIMESTAMP.format(run.header().startedAt().atOffset(ZoneOffset.UTC)));
            }
            suite.setAttribute("time", String.format(Locale.ROOT, "%.3f", runSeconds(run)));
            Element properties = doc.createElement("properties");
            suite.appendChild(properties);
            property(doc, properties, "run_id", report.runId());
            property(doc, properties, "baseline_run_id", report.baselineRunId() == null ? "" : report.baselineRunId());
            property(doc, properties, "run_status", String.valueOf(run.header().status()));
            property(doc, properties, "masking", OutboundMask.notice(run));

            int tests = 0;
            int failures = 0;
            int errors = 0;
            UnansweredGates unanswered = UnansweredGates.of(run);
            for (GateVerdict v : report.verdicts()) {
                Element testcase = testcase(doc, suite, "evalbench.gates", v.id() + " (" + v.kind() + ")", 0);
                tests++;
                if (unanswered.of(v) && v.ran()) {
                    // It measured an outage (the run's, or its route's), not the model: an error (the test could not
                    // run), not a failed gate.
                    errors++;
                    String why = unanswered.cells(v).sentence();
                    problem(doc, testcase, "error", VerdictCells.NO_ANSWER.replace(' ', '_'), why, why);
                } else if (!v.ran()) {
                    Element skipped = doc.createElement("skipped");
                    skipped.setAttribute("message", v.detail());
                    testcase.appendChild(skipped);
                } else if (!v.passed()) {
                    failures++;
                    problem(doc, testcase, "failure", "gate_failed", v.detail() + " (" + VerdictFormat.summary(v) + ")",
                            v.detail() + "\n" + VerdictFormat.summary(v));
                }
            }
            boolean manyRoutes = run.cases().stream().map(r -> r.key().route()).distinct().count() > 1;
            for (ScoredCase r : run.cases()) {
                if (r.passed()) {
                    continue;
                }
                String name = r.key().caseId() + (r.key().sample() > 0 ? "#" + r.key().sample() : "")
                        + (manyRoutes ? "@" + r.key().route() : "");
                Element testcase = testcase(doc, suite, "evalbench.cases." + r.key().suite(), name, r.latencyMs() / 1000.0);
                tests++;
                failures++;
                String why = CaseFailures.describe(r);
                problem(doc, testcase, "failure", r.failureKind() != null ? "provider_failure" : "case_failed", why, why);
            }
            suite.setAttribute("tests", Integer.toString(tests));
            suite.setAttribute("failures", Integer.toString(failures));
            suite.setAttribute("errors", Integer.toString(errors));
            suite.setAttribute("skipped", Long.toString(report.verdicts().stream().filter(v -> !v.ran()).count()));
            suites.setAttribute("name", "evalbench");
            suites.setAttribute("tests", Integer.toString(tests));
            suites.setAttribute("failures", Integer.toString(failures));
            suites.setAttribute("errors", Integer.toString(errors));
            return serialize(doc);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML support failed to build a JUnit report", e);
        }
    }

    public void write(GateReport report, StoredRun run, Path file) throws IOException {
        write(report, RunCases.of(run), file);
    }

    /** Writes {@link #write(GateReport, RunCases)} to the file, whole or not at all. */
    public void write(GateReport report, RunCases run, Path file) throws IOException {
        AtomicFiles.write(file, (write(report, run)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static double runSeconds(RunCases run) {
        if (run.header().startedAt() == null || run.header().finishedAt() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(run.header().startedAt(), run.header().finishedAt()).toMillis() / 1000.0);
    }

    private static Element testcase(Document doc, Element suite, String classname, String name, double seconds) {
        Element testcase = doc.createElement("testcase");
        testcase.setAttribute("classname", clean(classname));
        testcase.setAttribute("name", clean(name));
        testcase.setAttribute("time", String.format(Locale.ROOT, "%.3f", seconds));
        suite.appendChild(testcase);
        return testcase;
    }

    /** A {@code <failure>} (the test ran and failed) or an {@code <error>} (it could not run) under the testcase. */
    private static void problem(Document doc, Element testcase, String element, String type, String message, String body) {
        Element failure = doc.createElement(element);
        failure.setAttribute("type", type);
        failure.setAttribute("message", clean(message));
        failure.setTextContent(clean(body));
        testcase.appendChild(failure);
    }

    private static void property(Document doc, Element properties, String name, String value) {
        Element property = doc.createElement("property");
        property.setAttribute("name", name);
        property.setAttribute("value", clean(value));
        properties.appendChild(property);
    }

    private static String serialize(Document doc) throws TransformerException {
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }

    /** Replaces characters XML 1.0 cannot carry, even escaped. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(c -> s.appendCodePoint(allowed(c) ? c : 0xFFFD));
        return s.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
