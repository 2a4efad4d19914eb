package dev.clod.examples.etl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtlEnrichmentAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void enrichesEveryRowAndStopsWhenTheFileIsWritten(@TempDir Path work) throws Exception {
        Path input = Files.createDirectories(work.resolve("in"));
        Path output = work.resolve("out");
        List<String> shipped = Files.readAllLines(Path.of("data", EnrichmentRoutes.INPUT_FILE));
        // The header and the first three countries of the shipped data.
        Files.write(input.resolve(EnrichmentRoutes.INPUT_FILE), shipped.subList(0, 4));

        RunSummary summary = EtlEnrichmentApp.run(Map.of(
                "etl.input", input.toString(),
                "etl.output", output.toString(),
                "etl.model", "llama-3.1-8b@price"));

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(output.resolve(EnrichmentRoutes.OUTPUT_FILE))) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(line -> line.get("country").asText()).containsExactly("Egypt", "Kenya", "Nigeria");
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("summary").asText()).isNotBlank();
            assertThat(line.get("model").asText()).isEqualTo("llama-3.1-8b");
            // One of the demo catalog's llama sites: whichever the replayed grid prices make cheapest.
            String site = line.get("site").asText();
            assertThat(site).isIn("dallas", "tulsa", "los-angeles");
            assertThat(line.get("deployment").asText()).isEqualTo("llama-3.1-8b/sim-" + site);
            assertThat(line.get("prompt_tokens").asInt()).isPositive();
            assertThat(line.get("cost_usd").decimalValue()).isPositive();
        });
        assertThat(lines.get(0).get("summary").asText()).contains("Egypt");
        assertThat(summary.rows()).isEqualTo(3);
        assertThat(summary.rowsByDeployment().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(3);
        assertThat(summary.rowsByDeployment().keySet()).allMatch(key -> key.startsWith("llama-3.1-8b/sim-"));
        assertThat(summary.costUsd()).isPositive();
    }
}
