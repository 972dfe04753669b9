package dev.evalbench.core.report;

import dev.evalbench.core.report.model.ReportContent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.json.CanonicalJson;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.store.RunExport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {
    @TempDir Path dir;

    @Test
    void reportJsonIsCanonicalJson() throws Exception {
        ReportFiles files = ReportWriter.write(ReportFixture.withBaseline(), dir);

        byte[] written = Files.readAllBytes(files.json());
        JsonNode reparsed = Json.MAPPER.readTree(written);
        assertThat(CanonicalJson.canonicalize(reparsed)).isEqualTo(written);
        assertThat(reparsed.path("format").asText()).isEqualTo("evalbench-report/1");
        // Both cases went pass -> fail; with no workspace to order them, by suite then case id.
        assertThat(reparsed.path("comparison").path("cases").get(0).path("key").asText()).isEqualTo("safety/p001");
    }

    @Test
    void reportJsonReadsBackAsTheSameRunThroughRunExport() throws Exception {
        ReportContent content = ReportFixture.withBaseline();
        ReportFiles files = ReportWriter.write(content, dir);

        StoredRun back = RunExport.read(files.json());

        assertThat(back).isEqualTo(ReportFixture.run());
        assertThat(back.cases().get(3).parsed()).isNull();
    }

    @Test
    void theSameRunAndGatesAlwaysGiveTheSameBytes() throws Exception {
        byte[] first = ReportJson.bytes(ReportFixture.withBaseline());
        byte[] second = ReportJson.bytes(ReportFixture.withBaseline());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aNumberJsonCannotHoldExactlyIsKeptAsTextInsteadOfFailingTheReport() throws Exception {
        JsonNode tree = Json.MAPPER.readTree("{\"order\":123456789012345678901,\"ok\":2}");

        JsonNode safe = JcsValues.representable(tree);

        assertThat(CanonicalJson.canonicalString(safe)).isEqualTo("{\"ok\":2,\"order\":\"123456789012345678901\"}");
    }
}
