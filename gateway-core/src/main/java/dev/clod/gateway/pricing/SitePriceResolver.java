package dev.clod.gateway.pricing;

import dev.clod.gateway.catalog.Site;
import dev.clod.gateway.energy.EnergyPrice;
import dev.clod.gateway.energy.Market;
import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.TraceKey;
import dev.clod.gateway.energy.feed.EnergyFeed;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds a site's price at an instant from its feed: the live interval, else the last price while it is
 * young enough, else the fallback. Never fails: a feed without data gives the fallback.
 */
final class SitePriceResolver {

    private final FeedPolicy policy;

    SitePriceResolver(FeedPolicy policy) {
        this.policy = policy;
    }

    SitePrice resolve(Site site, EnergyFeed feed, Instant at) {
        String error = feed.health().lastError();
        Optional<PriceTrace> found = feed.trace(new TraceKey(site.gridLocation(), Market.REAL_TIME));
        if (found.isEmpty()) {
            return new SitePrice(
                    site,
                    policy.fallbackUsdPerMwh(),
                    PriceStatus.FALLBACK,
                    Instant.EPOCH,
                    Instant.MAX,
                    feed.name(),
                    error);
        }
        PriceTrace trace = found.get();
        Instant next = trace.nextAfter(at).map(EnergyPrice::start).orElse(Instant.MAX);
        Optional<EnergyPrice> current = trace.at(at);
        if (current.isPresent()) {
            EnergyPrice price = current.get();
            return new SitePrice(
                    site, price.usdPerMwh(), PriceStatus.LIVE, price.start(), price.end(), feed.name(), error);
        }
        Optional<EnergyPrice> last = trace.latestAtOrBefore(at);
        if (last.isPresent()) {
            EnergyPrice price = last.get();
            Instant agedOut = price.end().plus(policy.maxAge());
            if (at.isBefore(agedOut)) {
                return new SitePrice(
                        site,
                        price.usdPerMwh(),
                        PriceStatus.STALE,
                        price.end(),
                        earlier(agedOut, next),
                        feed.name(),
                        error);
            }
            return new SitePrice(
                    site, policy.fallbackUsdPerMwh(), PriceStatus.FALLBACK, agedOut, next, feed.name(), error);
        }
        return new SitePrice(
                site, policy.fallbackUsdPerMwh(), PriceStatus.FALLBACK, Instant.EPOCH, next, feed.name(), error);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
