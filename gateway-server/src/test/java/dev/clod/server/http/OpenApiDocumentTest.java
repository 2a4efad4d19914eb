package dev.clod.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "true                     | true",
                "false                    | false",
                "null                     | null",
                "~                        | null",
                "42                       | 42",
                "-7                       | -7",
                "0.00002083               | 0.00002083",
                "0.0120856375             | 0.0120856375",
                "60.0                     | 60.0",
                "1E-9                     | 1E-9",
                "no                       | \"no\"",
                "yes                      | \"yes\"",
                "4h                       | \"4h\"",
                "2024-08-01               | \"2024-08-01\"",
                "2024-08-12T12:00:00Z     | \"2024-08-12T12:00:00Z\"",
                "0.1.0                    | \"0.1.0\"",
                "0x1F                     | \"0x1F\"",
                "1_000                    | \"1_000\"",
                "\"42\"                   | \"42\"",
                "1M tokens                | \"1M tokens\"",
            })
    void scalarsBecomeWhatJsonWouldMakeOfThem(String yaml, String json) {
        String converted = new String(OpenApiDocument.toJson("value: " + yaml, "test.yaml"), StandardCharsets.UTF_8);

        assertThat(converted).isEqualTo("{\"value\":" + json + "}");
    }

    @Test
    void aMergeKeySharesProperties() throws Exception {
        JsonNode converted = convert("a: &shared {x: 1, y: 2}\nb: {<<: *shared, z: 3}\n");

        assertThat(converted.get("b").toString()).isEqualTo("{\"x\":1,\"y\":2,\"z\":3}");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertThatThrownBy(() -> OpenApiDocument.toJson("a: 1\na: 2\n", "doc.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("doc.yaml")
                .hasMessageContaining("duplicate key");
    }

    @Test
    void theShippedDocumentIsOpenApiJson() throws Exception {
        JsonNode document = JSON.readTree(OpenApiDocument.json());

        assertThat(document.get("openapi").asText()).startsWith("3.0.");
        assertThat(document.at("/paths/~1v1~1chat~1completions/post/operationId")
                        .asText())
                .isEqualTo("createChatCompletion");
    }

    private static JsonNode convert(String yaml) throws Exception {
        return JSON.readTree(new String(OpenApiDocument.toJson(yaml, "test.yaml"), StandardCharsets.UTF_8));
    }
}
