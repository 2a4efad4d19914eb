package dev.clod.gateway.energy.savings;

import static dev.clod.gateway.energy.savings.HourlyPrices.JOB_TOKENS;
import static dev.clod.gateway.energy.savings.HourlyPrices.PRICING;
import static dev.clod.gateway.energy.savings.HourlyPrices.hour;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs never cover a gap in the prices they were chosen on, and always finish by their deadline. */
class SavingsGapsAndDeadlinesTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);

    @Test
    void hindsightNeverRunsOverAGapInTheRealTimePrices() {
        // The two cheapest hours, 00:00 and 02:00, sit either side of a missing hour.
        Site a = new Site(
                "a",
                BigDecimal.ONE,
                HourlyPrices.realTime("grid-a")
                        .flat(0, 48, "50")
                        .from(24, "1", "0", "1")
                        .gap(25, 26)
                        .trace());
        BatchJob nightly = new BatchJob("nightly", hour(18), TWO_HOURS, hour(32), JOB_TOKENS);

        Placement run = new HindsightPolicy(List.of(a), new Meter(PRICING))
                .place(nightly)
                .orElseThrow();

        // [23, 25) and [26, 28) both average 25.5; the earlier wins; neither touches hour 25
        assertThat(run.start()).isEqualTo(hour(23));
        assertThat(new Meter(PRICING).charge(run)).isPresent();
    }

    @Test
    void theForecastPolicyNeverRunsWhereItHasNoExpectedPrice() {
        // Yesterday 02:00 was cheap but 03:00 is missing, so tonight 03:00 has no forecast.
        Site a = new Site(
                "a",
                BigDecimal.ONE,
                HourlyPrices.realTime("grid-a")
                        .flat(0, 72, "50")
                        .from(26, "1")
                        .gap(27, 28)
                        .trace());
        BatchJob nightly = new BatchJob("nightly", hour(42), TWO_HOURS, hour(56), JOB_TOKENS);
        ForecastWindowPolicy policy = new ForecastWindowPolicy(List.of(a), 1);

        Placement run = policy.place(nightly).orElseThrow();

        assertThat(policy.expectedPrices(a, hour(42), hour(56)).orElseThrow().at(hour(51)))
                .isEmpty();
        // [49, 51) averages 25.5; [50, 52) would be cheaper if 03:00 were known, but it is not
        assertThat(run.start()).isEqualTo(hour(49));
    }

    @Test
    void aJobSomePolicyWouldRunOverAGapIsLeftOutOfEveryPolicy() {
        // The baseline site has no price for the hour the job is submitted in.
        Site fixed = new Site(
                "fixed",
                BigDecimal.ONE,
                HourlyPrices.realTime("grid-f").flat(0, 48, "30").gap(18, 19).trace());
        Site other = new Site(
                "other",
                BigDecimal.ONE,
                HourlyPrices.realTime("grid-o").flat(0, 48, "40").trace());
        BatchJob unpriceable = new BatchJob("unpriceable", hour(18), TWO_HOURS, hour(32), JOB_TOKENS);
        BatchJob priceable = new BatchJob("priceable", hour(20), TWO_HOURS, hour(32), JOB_TOKENS);

        SavingsResult result = new SavingsEngine(List.of(fixed, other), "fixed", PRICING)
                .run(List.of(unpriceable, priceable), hour(0), hour(48));

        assertThat(result.skipped()).containsExactly(unpriceable);
        assertThat(result.pricedJobs()).isEqualTo(1);
        for (PolicyOutcome outcome : result.outcomes()) {
            assertThat(outcome.placements()).extracting(p -> p.job().name()).containsExactly("priceable");
            // 2 x 30 / 1000 = 0.06 of electricity, everywhere the cheaper site
            assertThat(outcome.charge().total()).isEqualByComparingTo("1.166");
        }
    }

    /**
     * Random prices, negative ones and gaps included, at two sites (one with a day-ahead market that
     * is the real-time price plus noise): every run starts after submission and ends by its deadline,
     * and no policy beats hindsight on any job.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void everyRunMeetsItsDeadlineAndNoPolicyBeatsHindsight(long seed) {
        Random random = new Random(seed);
        int hours = 24 * 12;
        HourlyPrices aReal = HourlyPrices.realTime("grid-a");
        HourlyPrices aDayAhead = HourlyPrices.dayAhead("grid-a");
        HourlyPrices bReal = HourlyPrices.realTime("grid-b");
        for (int h = 0; h < hours; h++) {
            int a = random.nextInt(140) - 20;
            aReal.from(h, Integer.toString(a));
            aDayAhead.from(h, Integer.toString(a + random.nextInt(31) - 15));
            bReal.from(h, Integer.toString(random.nextInt(120)));
        }
        for (int g = 0; g < 6; g++) {
            int start = 24 + random.nextInt(hours - 48);
            (g % 2 == 0 ? aReal : bReal).gap(start, start + 1 + random.nextInt(3));
        }
        List<Site> sites = List.of(
                new Site(
                        "a",
                        BigDecimal.ONE,
                        aReal.trace(),
                        Optional.of(new DayAheadMarket(aDayAhead.trace(), ZoneOffset.UTC, LocalTime.NOON))),
                new Site("b", new BigDecimal("1.3"), bReal.trace()));
        List<Job> jobs = new ArrayList<>();
        for (int day = 7; day < 11; day++) {
            jobs.add(new BatchJob("nightly", hour(24 * day + 18), TWO_HOURS, hour(24 * day + 32), JOB_TOKENS));
            jobs.add(
                    new BatchJob("short", hour(24 * day + 9), Duration.ofMinutes(90), hour(24 * day + 13), JOB_TOKENS));
            jobs.add(new InteractiveSlot(hour(24 * day + 12), Duration.ofMinutes(15), 10, JOB_TOKENS));
        }

        SavingsResult result = new SavingsEngine(sites, "a", PRICING).run(jobs, hour(0), hour(hours));

        assertThat(result.pricedJobs()).isPositive();
        Meter meter = new Meter(PRICING);
        PolicyOutcome hindsight = result.outcomes().get(3);
        for (PolicyOutcome outcome : result.outcomes()) {
            for (int i = 0; i < outcome.placements().size(); i++) {
                Placement run = outcome.placements().get(i);
                assertThat(run.start()).isAfterOrEqualTo(run.job().submitted());
                assertThat(run.end()).isBeforeOrEqualTo(deadline(run.job()));
                assertThat(meter.charge(hindsight.placements().get(i))
                                .orElseThrow()
                                .total())
                        .isLessThanOrEqualTo(meter.charge(run).orElseThrow().total());
            }
            assertThat(hindsight.charge().total())
                    .isLessThanOrEqualTo(outcome.charge().total());
        }
    }

    private static Instant deadline(Job job) {
        return job instanceof BatchJob batch
                ? batch.deadline()
                : job.submitted().plus(job.runLength());
    }
}
