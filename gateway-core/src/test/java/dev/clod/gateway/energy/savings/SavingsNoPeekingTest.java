package dev.clod.gateway.energy.savings;

import static dev.clod.gateway.energy.savings.HourlyPrices.JOB_TOKENS;
import static dev.clod.gateway.energy.savings.HourlyPrices.PRICING;
import static dev.clod.gateway.energy.savings.HourlyPrices.hour;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The forecast policy decides with what was known when a job was submitted: rewriting any price from
 * the submission on leaves its choice alone, while hindsight, which does see them, changes.
 */
class SavingsNoPeekingTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);
    /** Submitted at 18:00 on day 1, due at 08:00 on day 2. */
    private static final BatchJob NIGHTLY = new BatchJob("nightly", hour(42), TWO_HOURS, hour(56), JOB_TOKENS);
    /** Submitted at 18:00 on day 1, due at 06:00 on day 4: it may wait more than a day. */
    private static final BatchJob WEEKEND = new BatchJob("weekend", hour(42), TWO_HOURS, hour(102), JOB_TOKENS);

    @Test
    void pricesFromTheSubmissionOnDoNotChangeTheForecastPolicysChoice() {
        UnaryOperator<HourlyPrices> upsideDown =
                prices -> prices.rewriteFrom(42, price -> new BigDecimal("200").subtract(price));
        // a dip a forecast that peeked would echo a day later, at 12:00 on day 3
        UnaryOperator<HourlyPrices> dipAtNoon = prices -> prices.from(60, "0", "0");

        Placement unchanged = forecastPlacement(WEEKEND, prices -> prices);

        assertThat(where(unchanged)).isEqualTo("a from " + hour(50));
        assertThat(where(forecastPlacement(WEEKEND, upsideDown))).isEqualTo(where(unchanged));
        assertThat(where(forecastPlacement(WEEKEND, dipAtNoon))).isEqualTo(where(unchanged));
        // hindsight sees the rewrites, so they did matter
        assertThat(where(hindsightPlacement(WEEKEND, prices -> prices))).isEqualTo("a from " + hour(42));
        assertThat(where(hindsightPlacement(WEEKEND, upsideDown))).isEqualTo("b from " + hour(42));
        assertThat(where(hindsightPlacement(WEEKEND, dipAtNoon))).isEqualTo("a from " + hour(60));
    }

    @Test
    void pricesBeforeTheSubmissionDoChangeIt() {
        Placement before = forecastPlacement(NIGHTLY, prices -> prices);
        // yesterday's cheap hours at 02:00 move to 23:00
        Placement after =
                forecastPlacement(NIGHTLY, prices -> prices.from(26, "50", "50").from(23, "1", "1"));

        assertThat(before.start()).isEqualTo(hour(50));
        assertThat(after.start()).isEqualTo(hour(47));
    }

    @Test
    void dayAheadPricesAreUsedOnlyOnceTheMarketHasPublishedThem() {
        // Day-ahead prices of day 2 are published at 12:00 on day 1 (hour 36). They put a deep dip at
        // 02:00 on day 2; the real-time history suggests nothing of the kind.
        String cheapDip = "1";
        String noDip = "70";

        // submitted at 06:00 on day 1, before publication: the dip cannot be seen, whatever it is
        Placement early = dayAheadPlacement(30, cheapDip);
        assertThat(dayAheadPlacement(30, noDip).start()).isEqualTo(early.start());
        assertThat(early.start()).isNotEqualTo(hour(50));

        // submitted at 13:00 on day 1, after publication: the dip is used
        assertThat(dayAheadPlacement(37, cheapDip).start()).isEqualTo(hour(50));
    }

    private static String where(Placement placement) {
        return placement.site().id() + " from " + placement.start();
    }

    private static Placement forecastPlacement(BatchJob job, UnaryOperator<HourlyPrices> change) {
        return new ForecastWindowPolicy(sites(change), 1).place(job).orElseThrow();
    }

    private static Placement hindsightPlacement(BatchJob job, UnaryOperator<HourlyPrices> change) {
        return new HindsightPolicy(sites(change), new Meter(PRICING)).place(job).orElseThrow();
    }

    /** A is cheap at 02:00-04:00 on day 1; B stays at 60. */
    private static List<Site> sites(UnaryOperator<HourlyPrices> changeA) {
        HourlyPrices a = HourlyPrices.realTime("grid-a").flat(0, 120, "50").from(26, "10", "10");
        HourlyPrices b = HourlyPrices.realTime("grid-b").flat(0, 120, "60");
        return List.of(
                new Site("a", BigDecimal.ONE, changeA.apply(a).trace()), new Site("b", BigDecimal.ONE, b.trace()));
    }

    private static Placement dayAheadPlacement(int submittedHour, String dipPrice) {
        HourlyPrices realTime =
                HourlyPrices.realTime("grid-a").flat(0, 72, "50").from(28, "20", "20");
        HourlyPrices dayAhead =
                HourlyPrices.dayAhead("grid-a").flat(0, 72, "50").from(50, dipPrice, dipPrice);
        Site a = new Site(
                "a",
                BigDecimal.ONE,
                realTime.trace(),
                Optional.of(new DayAheadMarket(dayAhead.trace(), ZoneOffset.UTC, LocalTime.NOON)));
        BatchJob job = new BatchJob("job", hour(submittedHour), TWO_HOURS, hour(56), JOB_TOKENS);
        return new ForecastWindowPolicy(List.of(a), 1).place(job).orElseThrow();
    }
}
