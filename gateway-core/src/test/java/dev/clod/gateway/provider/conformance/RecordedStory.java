package dev.clod.gateway.provider.conformance;

import static dev.clod.gateway.provider.conformance.ConformanceRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.Usage;
import java.util.List;
import java.util.Map;

/**
 * The one story every recorded HTTP upstream tells, each in its own wire format: the same words, the
 * same tool calls, the same token counts. An adapter that loses or bends any of it on the way back
 * fails here.
 */
final class RecordedStory implements Expectations {

    static final String HELLO = "Hello! How can I help you today?";
    static final String BOTH_CITIES = "I'll check both cities.";
    static final String WEATHER_ANSWER = "Paris is 18 °C and cloudy; Tokyo is 24 °C and sunny.";
    static final String IMAGE_ANSWER = "The first image shows a cat; the second is a single red pixel.";
    /** What a stream cut in its third text delta had delivered. */
    static final String BEFORE_THE_CUT = "Hello! How can I";

    static final JsonNode PARIS = json("{\"city\":\"Paris\",\"unit\":\"celsius\"}");
    static final JsonNode TOKYO = json("{\"city\":\"Tokyo\",\"unit\":\"celsius\"}");
    static final JsonNode PARIS_TIME = json("{\"timezone\":\"Europe/Paris\"}");
    static final JsonNode WEATHER_REPORT = json("{\"city\":\"Paris\",\"temperature_c\":18}");

    private static final Map<Scenario, String> TEXTS = Map.of(
            Scenario.CHAT, HELLO,
            Scenario.STREAM, HELLO,
            Scenario.PARALLEL_TOOL_CALLS, BOTH_CITIES,
            Scenario.PARALLEL_TOOL_CALLS_STREAM, BOTH_CITIES,
            Scenario.TOOL_RESULT, WEATHER_ANSWER,
            Scenario.IMAGE, IMAGE_ANSWER,
            Scenario.STREAM_CUT, BEFORE_THE_CUT);

    private static final Map<Scenario, List<JsonNode>> CALLS = Map.of(
            Scenario.TOOL_CALL, List.of(PARIS),
            Scenario.TOOL_CALL_STREAM, List.of(PARIS),
            Scenario.PARALLEL_TOOL_CALLS, List.of(PARIS, TOKYO),
            Scenario.PARALLEL_TOOL_CALLS_STREAM, List.of(PARIS, TOKYO),
            Scenario.TOOL_CHOICE, List.of(PARIS_TIME));

    private static final Map<Scenario, Usage> USAGE = Map.of(
            Scenario.CHAT, new Usage(21, 12, 0),
            Scenario.STREAM, new Usage(21, 12, 0),
            Scenario.TOOL_CALL, new Usage(412, 56, 0),
            Scenario.TOOL_CALL_STREAM, new Usage(412, 56, 0),
            Scenario.PARALLEL_TOOL_CALLS, new Usage(420, 98, 0),
            Scenario.PARALLEL_TOOL_CALLS_STREAM, new Usage(420, 98, 0),
            Scenario.TOOL_RESULT, new Usage(530, 24, 0),
            Scenario.TOOL_CHOICE, new Usage(418, 40, 0),
            Scenario.JSON_OUTPUT, new Usage(361, 31, 0),
            Scenario.IMAGE, new Usage(1650, 17, 0));

    @Override
    public void text(Scenario scenario, String text) {
        if (scenario == Scenario.JSON_OUTPUT) {
            assertThat(json(text)).isEqualTo(WEATHER_REPORT);
            return;
        }
        assertThat(text).isEqualTo(TEXTS.get(scenario));
    }

    @Override
    public void arguments(Scenario scenario, int n, JsonNode arguments) {
        assertThat(arguments).isEqualTo(CALLS.get(scenario).get(n));
    }

    @Override
    public void usage(Scenario scenario, Usage usage) {
        assertThat(usage).isEqualTo(USAGE.get(scenario));
    }
}
