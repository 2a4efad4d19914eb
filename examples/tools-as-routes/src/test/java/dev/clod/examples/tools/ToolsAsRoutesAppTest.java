package dev.clod.examples.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clod.camel.ClodTool;
import dev.clod.camel.ClodToolLoopException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolsAsRoutesAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachQuestionCallsItsToolRouteWithValidArgumentsAndTheResultReachesTheAnswer() throws Exception {
        Transcript transcript = ToolsAsRoutesApp.run(Map.of());

        assertThat(transcript.failure()).isNull();
        List<Transcript.Entry> entries = transcript.entries();
        assertThat(entries).hasSize(2);
        assertThat(entries)
                .extracting(entry -> entry.toolCalls().get(0).tool())
                .containsExactly("get_weather", "convert_currency");
        Map<String, ClodTool> tools = Map.of("get_weather", Tools.weather(), "convert_currency", Tools.currency());
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.stoppedBy()).isNull();
            assertThat(entry.toolCalls()).hasSize(1);
            Transcript.ToolCall call = entry.toolCalls().get(0);
            JsonNode schema = JSON.readTree(tools.get(call.tool()).parameters());
            assertThat(SchemaCheck.violations(schema, JSON.readTree(call.arguments())))
                    .as("arguments %s of %s", call.arguments(), call.tool())
                    .isEmpty();
            assertThat(JSON.readTree(call.result()).has("error"))
                    .as(call.result())
                    .isFalse();
            // What the route replied is what the model answered from.
            assertThat(entry.answer()).contains(call.result());
            assertThat(entry.toolRounds()).isEqualTo(1);
            assertThat(entry.tokens()).isPositive();
            assertThat(entry.costUsd()).isPositive().isLessThanOrEqualTo(new BigDecimal("0.01"));
            assertThat(entry.deployment()).startsWith("llama-3.1-8b/");
        });
        JsonNode weather = JSON.readTree(entries.get(0).toolCalls().get(0).result());
        assertThat(weather.get("city").asText()).isEqualTo("Lyon");
        assertThat(weather.get("temperature_c").asInt()).isEqualTo(24);
        JsonNode conversion = JSON.readTree(entries.get(1).toolCalls().get(0).result());
        assertThat(conversion.get("result").decimalValue())
                .isEqualByComparingTo(ReferenceRates.convert(
                                conversion.get("amount").decimalValue(),
                                conversion.get("from").asText(),
                                conversion.get("to").asText())
                        .result());
        assertThat(transcript.costUsd())
                .isEqualByComparingTo(
                        entries.get(0).costUsd().add(entries.get(1).costUsd()));
    }

    @Test
    void aLoopOverItsRoundLimitIsReportedWithWhatItSpentAndTheNextQuestionIsStillAsked() throws Exception {
        Transcript transcript = ToolsAsRoutesApp.run(Map.of(
                "tools.questions", "What is the weather in Oslo?|How much money is 1 euro in US dollars?",
                "tools.max-tool-rounds", "0"));

        assertThat(transcript.failure()).isNull();
        assertThat(transcript.entries()).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.stoppedBy()).isEqualTo(ClodToolLoopException.Bound.ROUNDS);
            assertThat(entry.answer()).isNull();
            assertThat(entry.toolCalls()).isEmpty();
            assertThat(entry.costUsd()).isPositive();
        });
    }
}
