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
import org.junit.jupiter.api.Test;

/**
 * The four policies on two sites and a few hours of prices, with costs worked out by hand. With the
 * test pricing a two-hour job of 1M input and 0.5M output tokens draws {@code 2 × pue} kWh and costs
 * {@code (2 × pue × average price / 1000 + 1) × 1.1} dollars, of which {@code 2 × pue × average price /
 * 1000} is electricity.
 */
class SavingsPoliciesTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);

    @Test
    void withADayAheadMarketThatWasRightTheForecastPolicyMatchesHindsight() {
        // From 18:00 to 08:00 the next day: A is cheapest 22:00-24:00 at 10, B 02:00-04:00 at 6.
        String[] aNight = {"50", "40", "30", "20", "10", "10", "20", "30", "40", "50", "60", "70", "80", "90"};
        String[] bNight = {"60", "60", "60", "60", "60", "60", "60", "60", "6", "6", "60", "60", "60", "60"};
        Site a = siteWithPerfectDayAhead("a", "1", aNight);
        Site b = siteWithPerfectDayAhead("b", "1.5", bNight);
        BatchJob nightly = new BatchJob("nightly", hour(18), TWO_HOURS, hour(32), JOB_TOKENS);

        SavingsResult result = new SavingsEngine(List.of(a, b), "a", PRICING).run(List.of(nightly), hour(0), hour(48));

        // 1 and 2: A at once (A 50 x 1 beats B 60 x 1.5 at 18:00), hours at 50 and 40: energy 2 x 45 / 1000
        assertOutcome(result, 0, "a", 18, "1.199", "0.09", "2");
        assertOutcome(result, 1, "a", 18, "1.199", "0.09", "2");
        // 3 and 4: B at 02:00, 6 x 1.5 = 9 beats A's 10 x 1; energy 2 x 1.5 x 6 / 1000
        assertOutcome(result, 2, "b", 26, "1.1198", "0.018", "3");
        assertOutcome(result, 3, "b", 26, "1.1198", "0.018", "3");
        assertThat(result.outcomes().get(2).totalSavingPercent(result.baseline()))
                .isEqualByComparingTo("6.6"); // (1.199 - 1.1198) / 1.199 = 6.606 %
        assertThat(result.outcomes().get(2).energySavingPercent(result.baseline()))
                .isEqualByComparingTo("80.0");
        assertThat(result.skipped()).isEmpty();
        assertThat(result.pricedJobs()).isEqualTo(1);
    }

    @Test
    void whenTheForecastIsWrongTheForecastPolicyCostsMoreThanHindsight() {
        // Yesterday A was cheap 02:00-04:00; tonight the cheap hours came at 22:00 and 02:00 spiked.
        Site a = new Site(
                "a",
                BigDecimal.ONE,
                HourlyPrices.realTime("grid-a")
                        .flat(0, 72, "50")
                        .from(26, "10", "10")
                        .from(46, "5", "5")
                        .from(50, "80", "80")
                        .trace());
        Site b = new Site(
                "b",
                BigDecimal.ONE,
                HourlyPrices.realTime("grid-b").flat(0, 72, "40").trace());
        List<Site> sites = List.of(a, b);
        BatchJob nightly = new BatchJob("nightly", hour(42), TWO_HOURS, hour(56), JOB_TOKENS);
        Meter meter = new Meter(PRICING);

        Placement forecast = new ForecastWindowPolicy(sites, 1).place(nightly).orElseThrow();
        Placement hindsight = new HindsightPolicy(sites, meter).place(nightly).orElseThrow();
        Placement now = new CheapestSiteNowPolicy(sites).place(nightly).orElseThrow();

        // the forecast expects A at 10 from 02:00 (yesterday's price), B at 40; A really costs 80 then
        assertThat(forecast.site()).isEqualTo(a);
        assertThat(forecast.start()).isEqualTo(hour(50));
        assertCharge(meter.charge(forecast), "1.276", "0.16");
        // hindsight finds A at 5 from 22:00
        assertThat(hindsight.site()).isEqualTo(a);
        assertThat(hindsight.start()).isEqualTo(hour(46));
        assertCharge(meter.charge(hindsight), "1.111", "0.01");
        // at once: B, 40 against A's 50
        assertThat(now.site()).isEqualTo(b);
        assertCharge(meter.charge(now), "1.188", "0.08");
    }

    @Test
    void interactiveWorkRunsAtOnceAndHindsightPicksTheSiteCheapestOverTheWholeSlot() {
        // At 10:00 A is cheaper, but over the two hours B is.
        Site a = new Site(
                "a",
                BigDecimal.ONE,
                HourlyPrices.realTime("grid-a").from(10, "20", "100").trace());
        Site b = new Site(
                "b",
                BigDecimal.ONE,
                HourlyPrices.realTime("grid-b").from(10, "30", "30").trace());
        InteractiveSlot slot = new InteractiveSlot(hour(10), TWO_HOURS, 1_000, JOB_TOKENS);

        SavingsResult result = new SavingsEngine(List.of(a, b), "b", PRICING).run(List.of(slot), hour(0), hour(24));

        assertOutcome(result, 0, "b", 10, "1.166", "0.06", "2");
        assertOutcome(result, 1, "a", 10, "1.232", "0.12", "2");
        assertOutcome(result, 2, "a", 10, "1.232", "0.12", "2");
        assertOutcome(result, 3, "b", 10, "1.166", "0.06", "2");
    }

    @Test
    void negativePricesCountAsZeroWhenComparingWindows() {
        // Averaged raw, -100 and 50 (-25) would beat 0 and 0; charged, they cost 0 and 50.
        Site a = new Site(
                "a",
                BigDecimal.ONE,
                HourlyPrices.realTime("grid-a")
                        .flat(0, 24, "90")
                        .from(2, "-100", "50", "90", "0", "0")
                        .trace());
        BatchJob job = new BatchJob("job", hour(0), TWO_HOURS, hour(8), JOB_TOKENS);

        Placement hindsight =
                new HindsightPolicy(List.of(a), new Meter(PRICING)).place(job).orElseThrow();

        assertThat(hindsight.start()).isEqualTo(hour(5));
        assertCharge(new Meter(PRICING).charge(hindsight), "1.1", "0");
    }

    private static Site siteWithPerfectDayAhead(String id, String pue, String[] night) {
        HourlyPrices realTime =
                HourlyPrices.realTime("grid-" + id).flat(0, 48, "100").from(18, night);
        HourlyPrices dayAhead =
                HourlyPrices.dayAhead("grid-" + id).flat(0, 48, "100").from(18, night);
        return new Site(
                id,
                new BigDecimal(pue),
                realTime.trace(),
                Optional.of(new DayAheadMarket(dayAhead.trace(), ZoneOffset.UTC, LocalTime.NOON)));
    }

    private static void assertOutcome(
            SavingsResult result, int index, String site, int startHour, String total, String energy, String kwh) {
        PolicyOutcome outcome = result.outcomes().get(index);
        assertThat(outcome.placements()).singleElement().satisfies(placement -> {
            assertThat(placement.site().id()).isEqualTo(site);
            assertThat(placement.start()).isEqualTo(hour(startHour));
        });
        assertThat(outcome.charge().total()).isEqualByComparingTo(total);
        assertThat(outcome.charge().energy()).isEqualByComparingTo(energy);
        assertThat(outcome.charge().kwh()).isEqualByComparingTo(kwh);
    }

    private static void assertCharge(Optional<Charge> charge, String total, String energy) {
        assertThat(charge).hasValueSatisfying(c -> {
            assertThat(c.total()).isEqualByComparingTo(total);
            assertThat(c.energy()).isEqualByComparingTo(energy);
        });
    }
}
