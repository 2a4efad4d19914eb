package dev.clod.gateway.energy.savings;

import dev.clod.gateway.energy.EnergyPrice;
import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.PriceWindow;
import dev.clod.gateway.energy.SeasonalForecast;
import dev.clod.gateway.energy.WindowSearch;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs each batch job at the site and in the window expected to be cheapest, using only what was known
 * when the job was submitted; interactive work goes to the cheapest site at once, as in {@link
 * CheapestSiteNowPolicy}.
 *
 * <p>For each site it builds the prices it expects from submission to deadline: the day-ahead price
 * wherever the location's day-ahead market had already published it, otherwise the {@link
 * SeasonalForecast} over the site's real-time prices known before submission. It then takes, per
 * site, the cheapest window of the job's length before the deadline ({@link WindowSearch}, never over
 * a moment it has no expectation for) and runs the job where that window's expected price times the
 * site's PUE is lowest; ties go to the site listed first. Where no site has a window, the job runs at
 * once at the cheapest site. The job is then charged what the real-time prices of the chosen window
 * turn out to be, which the choice never saw.
 */
public final class ForecastWindowPolicy implements Policy {

    private final List<Site> sites;
    private final Map<String, SeasonalForecast> forecasts = new HashMap<>();
    private final CheapestSiteNowPolicy now;

    /** @param forecastDays how many past days the seasonal forecast averages */
    public ForecastWindowPolicy(List<Site> sites, int forecastDays) {
        this.sites = List.copyOf(sites);
        this.now = new CheapestSiteNowPolicy(sites);
        for (Site site : this.sites) {
            forecasts.put(site.id(), new SeasonalForecast(site.realTime(), forecastDays));
        }
    }

    @Override
    public String label() {
        return "cheapest site and window, as forecast";
    }

    @Override
    public Optional<Placement> place(Job job) {
        if (!(job instanceof BatchJob batch)) {
            return now.place(job);
        }
        Optional<Placement> best = Optional.empty();
        BigDecimal bestScore = null;
        for (Site site : sites) {
            Optional<PriceWindow> window = expectedPrices(site, batch.submitted(), batch.deadline())
                    .flatMap(expected ->
                            WindowSearch.cheapest(expected, batch.submitted(), batch.deadline(), batch.runLength(), 1)
                                    .stream()
                                    .findFirst());
            if (window.isEmpty()) {
                continue;
            }
            BigDecimal score = window.get().averageUsdPerMwh().multiply(site.pue());
            if (bestScore == null || score.compareTo(bestScore) < 0) {
                best = Optional.of(new Placement(job, site, window.get().start()));
                bestScore = score;
            }
        }
        return best.isPresent() ? best : now.place(job);
    }

    /**
     * The prices expected at the site over {@code [asOf, until)}, floored at zero as the pricing
     * floors them, on the finer of its real-time and day-ahead steps; empty when nothing is expected.
     */
    Optional<PriceTrace> expectedPrices(Site site, Instant asOf, Instant until) {
        Duration step = site.realTime().resolution();
        if (site.dayAhead().isPresent()) {
            Duration dayAheadStep = site.dayAhead().get().prices().resolution();
            step = dayAheadStep.compareTo(step) < 0 ? dayAheadStep : step;
        }
        SeasonalForecast seasonal = forecasts.get(site.id());
        Map<Instant, BigDecimal> expected = new HashMap<>();
        for (Instant t = alignedDown(asOf, step); t.isBefore(until); t = t.plus(step)) {
            Instant target = t;
            site.dayAhead()
                    .flatMap(market -> market.knownAt(target, asOf))
                    .map(EnergyPrice::usdPerMwh)
                    .or(() -> seasonal.at(target, asOf))
                    .ifPresent(price -> expected.put(target, price.max(BigDecimal.ZERO)));
        }
        if (expected.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PriceTrace.of(site.realTime().key(), expected, step));
    }

    private static Instant alignedDown(Instant instant, Duration step) {
        long stepSeconds = Math.max(1, step.getSeconds());
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), stepSeconds) * stepSeconds);
    }
}
