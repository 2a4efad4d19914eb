package dev.clod.gateway.energy.savings;

import dev.clod.gateway.energy.EnergyProfile;
import dev.clod.gateway.energy.FixedCost;
import dev.clod.gateway.energy.Market;
import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.SitePricing;
import dev.clod.gateway.energy.TraceKey;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The figures a savings report is run with: the sites and their grid locations, the model's pricing,
 * the workload, and when day-ahead prices become known. Kept apart from the engine, which takes ready
 * sites and prices, so that these figures can come from the gateway's configuration instead.
 *
 * @param model the model being priced, for the report's title
 * @param zone the time zone a report's dates are read in: the workload's own
 * @param sites the sites, in order of preference on ties
 * @param fixedSite the baseline's site
 * @param pricing the model's price per million tokens at a site
 * @param dayAheadReleases per grid location that has a day-ahead market, when its results come out
 * @param workload the jobs to price
 */
public record SavingsScenario(
        String model,
        ZoneId zone,
        List<SiteSpec> sites,
        String fixedSite,
        SitePricing pricing,
        Map<String, DayAheadRelease> dayAheadReleases,
        Workload workload) {

    /**
     * A site as configured.
     *
     * @param id the site's name
     * @param gridLocation the location id of the price traces it pays
     * @param pue its power usage effectiveness
     */
    public record SiteSpec(String id, String gridLocation, BigDecimal pue) {}

    /**
     * When a day-ahead market publishes the prices of the next operating day.
     *
     * @param zone the market's time zone
     * @param publishedAt the local time of publication, on the day before the operating day
     */
    public record DayAheadRelease(ZoneId zone, LocalTime publishedAt) {}

    public SavingsScenario {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(fixedSite, "fixedSite");
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(workload, "workload");
        sites = List.copyOf(sites);
        dayAheadReleases = Map.copyOf(dayAheadReleases);
    }

    /**
     * The demo catalog's six sites pricing {@code deepseek-v3} for a company based in Dallas: a chat
     * assistant used through the working day, a nightly enrichment of the day's records and a weekly
     * report.
     */
    public static SavingsScenario demo() {
        ZoneId central = ZoneId.of("America/Chicago");
        // Requests per hour, Central time: night-time background from other time zones and scripts,
        // a morning ramp, a dip at lunch, the working afternoon, and a quiet evening.
        List<Integer> weekday = List.of(
                60, 40, 30, 30, 40, 80, 200, 450, 800, 1000, 1100, 1100, 900, 1050, 1100, 1000, 800, 500, 300, 250, 200,
                160, 120, 80);
        // Weekends: about a quarter of a weekday, flatter, peaking around midday.
        List<Integer> weekend = List.of(
                40, 30, 20, 20, 20, 30, 50, 80, 120, 160, 200, 220, 220, 220, 200, 200, 180, 160, 150, 140, 120, 100,
                80, 60);
        // A chat turn: the conversation so far and the question in, a few paragraphs out.
        InteractiveTraffic interactive =
                new InteractiveTraffic(central, weekday, weekend, new TokenVolume(1_200, 350), Duration.ofMinutes(15));
        // The day's 40,000 new records, each enriched from about 900 tokens of text into 150 tokens of
        // fields; handed over when the business day closes and needed when the next one opens.
        BatchSchedule nightlyEtl = new BatchSchedule(
                "nightly-etl",
                central,
                EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(18, 0),
                1,
                LocalTime.of(8, 0),
                Duration.ofHours(2),
                new TokenVolume(40_000L * 900, 40_000L * 150));
        // The week's 1,500 support threads summarised (16,000 tokens in, 2,000 out each) for Monday's
        // review: submitted Friday evening, due Monday 06:00, so it may wait all weekend.
        BatchSchedule weeklyReport = new BatchSchedule(
                "weekly-report",
                central,
                EnumSet.of(DayOfWeek.FRIDAY),
                LocalTime.of(18, 0),
                3,
                LocalTime.of(6, 0),
                Duration.ofHours(4),
                new TokenVolume(1_500L * 16_000, 1_500L * 2_000));
        return new SavingsScenario(
                "deepseek-v3",
                central,
                List.of(
                        new SiteSpec("dallas", "ercot-north", new BigDecimal("1.25")),
                        new SiteSpec("los-angeles", "caiso-sp15", new BigDecimal("1.2")),
                        new SiteSpec("chicago", "miso-illinois", new BigDecimal("1.3")),
                        new SiteSpec("new-york", "nyiso-nyc", new BigDecimal("1.4")),
                        new SiteSpec("boston", "isone-hub", new BigDecimal("1.35")),
                        new SiteSpec("tulsa", "spp-south", new BigDecimal("1.2"))),
                "dallas",
                new SitePricing(
                        new EnergyProfile(new BigDecimal("0.15"), new BigDecimal("1.2")),
                        new FixedCost(new BigDecimal("0.10"), new BigDecimal("0.40")),
                        new BigDecimal("0.15")),
                // CAISO publishes its day-ahead results at about 13:00 Pacific, ERCOT at about 13:30
                // Central, each for the whole next operating day.
                Map.of(
                        "caiso-sp15", new DayAheadRelease(ZoneId.of("America/Los_Angeles"), LocalTime.of(13, 0)),
                        "ercot-north", new DayAheadRelease(central, LocalTime.of(13, 30))),
                new Workload(interactive, List.of(nightlyEtl, weeklyReport)));
    }

    /**
     * The sites with their prices taken from {@code traces}: each location's real-time series, and its
     * day-ahead series where both the traces and {@link #dayAheadReleases} have one.
     *
     * @throws IllegalArgumentException if a site's location has no real-time series
     */
    public List<Site> sites(Map<TraceKey, PriceTrace> traces) {
        List<Site> built = new ArrayList<>();
        for (SiteSpec spec : sites) {
            PriceTrace realTime = traces.get(new TraceKey(spec.gridLocation(), Market.REAL_TIME));
            if (realTime == null) {
                throw new IllegalArgumentException(
                        "site " + spec.id() + ": no real-time prices for grid location '" + spec.gridLocation() + "'");
            }
            Optional<DayAheadMarket> dayAhead = Optional.ofNullable(
                            traces.get(new TraceKey(spec.gridLocation(), Market.DAY_AHEAD)))
                    .flatMap(prices -> Optional.ofNullable(dayAheadReleases.get(spec.gridLocation()))
                            .map(release -> new DayAheadMarket(prices, release.zone(), release.publishedAt())));
            built.add(new Site(spec.id(), spec.pue(), realTime, dayAhead));
        }
        return List.copyOf(built);
    }

    /** An engine over the sites priced from {@code traces}. */
    public SavingsEngine engine(Map<TraceKey, PriceTrace> traces) {
        return new SavingsEngine(sites(traces), fixedSite, pricing);
    }
}
