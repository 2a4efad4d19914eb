package dev.clod.gateway.provider.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.Usage;

/**
 * What an adapter's answers must say, scenario by scenario. The recorded HTTP upstreams all tell
 * {@link RecordedStory one story} in their own formats, so they are held to the same exact values; the
 * simulated provider writes its own answers and is held to what it promises about them.
 */
interface Expectations {

    /** Checks the text of a scenario's answer (for a stream, the content deltas joined). */
    void text(Scenario scenario, String text);

    /** Checks the arguments of the scenario's {@code n}-th tool call, counting from 0. */
    void arguments(Scenario scenario, int n, JsonNode arguments);

    /** Checks the usage of a scenario's answer. */
    void usage(Scenario scenario, Usage usage);
}
