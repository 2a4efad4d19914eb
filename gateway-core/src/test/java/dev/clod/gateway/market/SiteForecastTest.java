package dev.clod.gateway.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.energy.EnergyPrice;
import dev.clod.gateway.energy.Market;
import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.TraceKey;
import dev.clod.gateway.energy.feed.TraceFeed;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expected prices ahead keep every day-ahead hour, even when real-time prices come coarser. */
class SiteForecastTest {

    private static final Instant DAY = Instant.parse("2024-08-12T00:00:00Z");

    @Test
    void aCheapDayAheadHourBetweenTwoHourlyRealTimeStepsIsKept() {
        Map<Instant, BigDecimal> realTime = new HashMap<>();
        for (int hour = -72; hour < 48; hour += 2) {
            realTime.put(DAY.plusSeconds(hour * 3600L), new BigDecimal("50"));
        }
        Map<Instant, BigDecimal> dayAhead = new HashMap<>();
        for (int hour = 0; hour < 24; hour++) {
            dayAhead.put(DAY.plusSeconds(hour * 3600L), new BigDecimal(hour == 3 ? "5" : "60"));
        }
        TraceKey rt = new TraceKey("g", Market.REAL_TIME);
        TraceKey da = new TraceKey("g", Market.DAY_AHEAD);
        TraceFeed feed = new TraceFeed(
                "t", Map.of(rt, PriceTrace.of(rt, realTime), da, PriceTrace.of(da, dayAhead)), Instant.EPOCH);
        Instant now = DAY.minusSeconds(3600); // 23:00 the day before: the 12th's day-ahead is published

        PriceTrace expected = SiteForecast.expect(feed, "g", now, DAY.plusSeconds(6 * 3600))
                .orElseThrow()
                .trace();

        assertThat(expected.at(DAY.plusSeconds(3 * 3600 + 60)).map(EnergyPrice::usdPerMwh))
                .hasValueSatisfying(price -> assertThat(price).isEqualByComparingTo("5"));
        assertThat(expected.at(DAY.plusSeconds(2 * 3600 + 60)).map(EnergyPrice::usdPerMwh))
                .hasValueSatisfying(price -> assertThat(price).isEqualByComparingTo("60"));
        assertThat(expected.resolution()).isEqualTo(Duration.ofHours(1));
    }
}
