package dev.clod.gateway.config;

import dev.clod.gateway.pricing.FeedPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where site electricity prices come from and which clock reads them.
 *
 * @param feeds the feeds, in configuration order; each grid location is priced by exactly one
 * @param replay replays past prices from this instant at this speed instead of reading them at the
 *     wall clock's instant; null to use the wall clock
 * @param policy what a site is priced at when its feed has no current price
 */
public record EnergySettings(List<FeedSpec> feeds, Replay replay, FeedPolicy policy) {

    /** No feeds: every price is fixed. */
    public static final EnergySettings NONE = new EnergySettings(List.of(), null, FeedPolicy.DEFAULTS);

    public EnergySettings {
        feeds = List.copyOf(feeds);
        Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param start the instant the energy clock reads when the gateway starts
     * @param speed replayed seconds per wall-clock second
     */
    public record Replay(Instant start, double speed) {
        public Replay {
            Objects.requireNonNull(start, "start");
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("speed must be positive and finite: " + speed);
            }
        }
    }
}
