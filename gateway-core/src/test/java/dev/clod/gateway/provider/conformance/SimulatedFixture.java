package dev.clod.gateway.provider.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.Usage;
import dev.clod.gateway.provider.ChatProvider;
import dev.clod.gateway.provider.simulated.SimulatedProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The {@code simulated} provider: it has no upstream, so there is nothing to record or to check on the
 * wire, and it writes its own answers, held to what it promises (quoting the user, quoting tool
 * results, arguments that fit the tool's schema) rather than to the recorded story.
 */
final class SimulatedFixture implements ProviderUnderTest {

    private static final String NO_UPSTREAM = "the simulated provider answers in-process: there is no HTTP upstream";

    /** Why scenarios do not apply, stated once here so that no scenario is left out silently. */
    private static final Map<Scenario, String> NOT_APPLICABLE = Map.of(
            Scenario.PARALLEL_TOOL_CALLS,
            "the simulated model calls one tool per turn by design",
            Scenario.PARALLEL_TOOL_CALLS_STREAM,
            "the simulated model calls one tool per turn by design",
            Scenario.ERROR_STATUSES,
            NO_UPSTREAM + " to answer with an error status, and it never fails",
            Scenario.TIMEOUT,
            NO_UPSTREAM + " to be late; its pace is its configured time to first token",
            Scenario.STREAM_CUT,
            NO_UPSTREAM + " connection to break");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SimulatedProvider provider =
            new SimulatedProvider("sim-conformance", Duration.ofMillis(1), 5_000, scheduler, Clock.systemUTC());

    @Override
    public String upstreamModel() {
        return "sim-model";
    }

    @Override
    public Optional<String> notApplicable(Scenario scenario) {
        return Optional.ofNullable(NOT_APPLICABLE.get(scenario));
    }

    @Override
    public void arrange(Scenario scenario) {
        // Nothing to arrange: the answer is decided from the request alone.
    }

    @Override
    public void verifyRequest(Scenario scenario) {
        // No request leaves the process.
    }

    @Override
    public ChatProvider provider() {
        return provider;
    }

    @Override
    public ChatProvider slowProvider() {
        throw new IllegalStateException(NOT_APPLICABLE.get(Scenario.TIMEOUT));
    }

    @Override
    public List<ErrorCase> errorCases() {
        return List.of();
    }

    @Override
    public void arrangeError(ErrorCase error) {
        throw new IllegalStateException(NOT_APPLICABLE.get(Scenario.ERROR_STATUSES));
    }

    @Override
    public Expectations expected() {
        return new SimulatedStory();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** What the simulated model promises to say. */
    private static final class SimulatedStory implements Expectations {

        @Override
        public void text(Scenario scenario, String text) {
            switch (scenario) {
                case CHAT, STREAM -> assertThat(text).contains("You asked: \"Say hello\"");
                case TOOL_RESULT ->
                    assertThat(text)
                            .contains("get_weather returned " + ConformanceRequests.PARIS_RESULT)
                            .contains("get_weather returned " + ConformanceRequests.TOKYO_RESULT);
                case IMAGE -> assertThat(text).contains("What is in these images?");
                case JSON_OUTPUT -> {
                    JsonNode answer = ConformanceRequests.json(text);
                    assertThat(answer.path("answer").isTextual()).isTrue();
                }
                default -> throw new IllegalArgumentException("no text expected for " + scenario);
            }
        }

        @Override
        public void arguments(Scenario scenario, int n, JsonNode arguments) {
            // Strings are filled from the user's words, enums with their first value.
            switch (scenario) {
                case TOOL_CALL, TOOL_CALL_STREAM -> {
                    assertThat(arguments.path("city").asText()).contains("Paris");
                    assertThat(arguments.path("unit").asText()).isEqualTo("celsius");
                }
                case TOOL_CHOICE ->
                    assertThat(arguments.path("timezone").asText()).contains("Paris");
                default -> throw new IllegalArgumentException("no tool call expected for " + scenario);
            }
        }

        @Override
        public void usage(Scenario scenario, Usage usage) {
            // Estimated, as a tokenizer would count: positive, never from a cache.
            assertThat(usage.promptTokens()).isPositive();
            assertThat(usage.completionTokens()).isPositive();
            assertThat(usage.cachedTokens()).isZero();
        }
    }
}
