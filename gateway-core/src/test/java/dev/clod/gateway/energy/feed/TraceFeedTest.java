package dev.clod.gateway.energy.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A replay knows a day's day-ahead prices only from the evening before (21:00 UTC), not earlier. */
class TraceFeedTest {

    private final TraceFeed feed = new TraceFeed("t", Map.of(), Instant.EPOCH);

    @ParameterizedTest(name = "at {0}: published until {1}")
    @CsvSource({
        "2024-08-12T00:00:00Z, 2024-08-13T00:00:00Z",
        "2024-08-12T20:59:59Z, 2024-08-13T00:00:00Z",
        "2024-08-12T21:00:00Z, 2024-08-14T00:00:00Z",
        "2024-08-12T23:59:59Z, 2024-08-14T00:00:00Z"
    })
    void dayAheadPricesArePublishedTheEveningBefore(String now, String until) {
        assertThat(feed.dayAheadPublishedUntil(Instant.parse(now))).isEqualTo(Instant.parse(until));
    }
}
