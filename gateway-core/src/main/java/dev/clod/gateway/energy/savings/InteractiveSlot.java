package dev.clod.gateway.energy.savings;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The interactive requests arriving in one short slot of time, served as they come: there is no slack
 * to wait for a cheaper hour, only a choice of site.
 *
 * @param submitted the start of the slot
 * @param runLength the length of the slot, over which the requests are spread
 * @param requests how many requests arrive in the slot
 * @param tokens the tokens of all of them together
 */
public record InteractiveSlot(Instant submitted, Duration runLength, long requests, TokenVolume tokens) implements Job {

    public InteractiveSlot {
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(runLength, "runLength");
        Objects.requireNonNull(tokens, "tokens");
        if (runLength.isNegative() || runLength.isZero()) {
            throw new IllegalArgumentException("a slot has a positive length: " + runLength);
        }
        if (requests < 0) {
            throw new IllegalArgumentException("requests are never negative: " + requests);
        }
    }

    @Override
    public String name() {
        return "interactive";
    }
}
