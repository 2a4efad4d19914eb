package dev.clod.camel.energy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One site's electricity price and the token prices of the models it serves: an element of the list
 * {@code clod:prices} answers with, and the body of each exchange its consumer emits.
 *
 * @param gridLocation the energy-feed location the site is priced at
 * @param pue the site's power usage effectiveness; null when a server did not send it
 * @param usdPerMwh the wholesale electricity price in US dollars per MWh, negative prices kept
 * @param status how fresh the price is: {@code live}, {@code stale} or {@code fallback}
 * @param since when this price started to apply
 * @param feed the name of the feed the price came from
 * @param feedError why the feed's latest read failed, or null
 * @param models the energy-priced models served at the site, in catalog order
 */
public record SitePrices(
        String site,
        String gridLocation,
        BigDecimal pue,
        BigDecimal usdPerMwh,
        String status,
        Instant since,
        String feed,
        String feedError,
        List<SiteModelPrice> models) {

    public SitePrices {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(usdPerMwh, "usdPerMwh");
        Objects.requireNonNull(status, "status");
        models = List.copyOf(models);
    }

    /** Whether another reading of the same site tells a different story: another price, status or start. */
    public boolean differsFrom(SitePrices other) {
        return other == null
                || usdPerMwh.compareTo(other.usdPerMwh) != 0
                || !status.equals(other.status)
                || !Objects.equals(since, other.since);
    }

    /** This site with only the given model's price, or null when the site does not serve it. */
    SitePrices onlyModel(String modelId) {
        List<SiteModelPrice> kept =
                models.stream().filter(price -> price.model().equals(modelId)).toList();
        return kept.isEmpty()
                ? null
                : new SitePrices(site, gridLocation, pue, usdPerMwh, status, since, feed, feedError, kept);
    }
}
