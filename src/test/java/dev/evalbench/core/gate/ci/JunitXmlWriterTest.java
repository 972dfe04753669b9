package dev.evalbench.core.gate.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlWriterTest {

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theXmlParsesAndCountsOneTestcasePerGateAndPerFailingCase() throws Exception {
        String xml = new JunitXmlWriter().write(CiFixtures.report(), CiFixtures.run());

        Document doc = parse(xml);
        Element suites = doc.getDocumentElement();
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        NodeList testcases = suite.getElementsByTagName("testcase");
        // 5 gates (3 failed) + 3 failing cases (t2, t4, p1)
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(testcases.getLength()).isEqualTo(8);
        assertThat(suite.getAttribute("tests")).isEqualTo("8");
        assertThat(suite.getAttribute("failures")).isEqualTo("6");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(6);
        assertThat(suites.getAttribute("tests")).isEqualTo("8");
    }

    @Test
    void aFailedGateCarriesValueThresholdBaselineIntervalAndPValue() throws Exception {
        Document doc = parse(new JunitXmlWriter().write(CiFixtures.report(), CiFixtures.run()));

        Element gate = testcase(doc, "action-vs-baseline (metric)");
        Element failure = (Element) gate.getElementsByTagName("failure").item(0);

        assertThat(gate.getAttribute("classname")).isEqualTo("evalbench.gates");
        assertThat(failure.getAttribute("message")).contains("value 0.880").contains("threshold ≥ 0.900")
                .contains("baseline 0.920").contains("Δ [-0.090, -0.010]").contains("p = 0.0215");
        assertThat(testcase(doc, "schema (schema_pass_rate)").getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void failingCasesAreTestcasesOfTheirSuiteWithTheirReasonAndForbiddenCharactersReplaced() throws Exception {
        Document doc = parse(new JunitXmlWriter().write(CiFixtures.report(), CiFixtures.run()));

        Element t2 = testcase(doc, "t2");
        Element t4 = testcase(doc, "t4");
        Element p1 = testcase(doc, "p1");

        assertThat(t2.getAttribute("classname")).isEqualTo("evalbench.cases.triage");
        assertThat(((Element) t2.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .contains("got \"shipping | <b>@team</b>\"");
        assertThat(((Element) t4.getElementsByTagName("failure").item(0)).getAttribute("type")).isEqualTo("provider_failure");
        assertThat(t4.getAttribute("time")).isEqualTo("30.000");
        assertThat(p1.getAttribute("classname")).isEqualTo("evalbench.cases.safety");
        assertThat(((Element) p1.getElementsByTagName("failure").item(0)).getAttribute("message")).endsWith("reject.\uFFFD");
        assertThat(testcase(doc, "t1")).isNull();
    }

    @Test
    void writesTheFileWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reports/gates.xml");

        new JunitXmlWriter().write(CiFixtures.report(), CiFixtures.run(), file);

        assertThat(parse(Files.readString(file)).getDocumentElement().getTagName()).isEqualTo("testsuites");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file);
        }
    }

    private static Element testcase(Document doc, String name) {
        NodeList all = doc.getElementsByTagName("testcase");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        return null;
    }
}
