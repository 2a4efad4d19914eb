package dev.clod.gateway.routing;

/**
 * A time-decayed average: on each sample {@code S = S·d + x}, {@code W = W·d + 1}, with {@code d =
 * 2^(−Δt/halfLife)}; the average is {@code S/W}. Decay multiplies S and W alike, so the average needs no
 * decay when read; only the weight does.
 *
 * <p>The weight falls below {@link #TRUSTED_WEIGHT} at a moment known when the sample is added, so that
 * moment is stored and routing compares two longs instead of computing a power per candidate.
 *
 * @param trustedUntilMillis the last instant at which the decayed weight is still at least {@link
 *     #TRUSTED_WEIGHT}
 */
record DecayedAverage(double sum, double weight, long updatedAtMillis, long trustedUntilMillis) {

    /** Below this decayed weight (a single sample after about 4.3 half-lives) the average is stale. */
    static final double TRUSTED_WEIGHT = 0.05;

    static final DecayedAverage EMPTY = new DecayedAverage(0, 0, 0, Long.MIN_VALUE);

    private static final double LN_2 = Math.log(2);

    DecayedAverage plus(double sample, long nowMillis, double halfLifeMillis) {
        long at = Math.max(nowMillis, updatedAtMillis);
        double decay = weight == 0 ? 0 : decay(at - updatedAtMillis, halfLifeMillis);
        double newSum = sum * decay + sample;
        double newWeight = weight * decay + 1;
        long trustedFor = (long) (halfLifeMillis * Math.log(newWeight / TRUSTED_WEIGHT) / LN_2);
        return new DecayedAverage(newSum, newWeight, at, at + trustedFor);
    }

    boolean trustedAt(long nowMillis) {
        return nowMillis <= trustedUntilMillis;
    }

    double average() {
        return weight == 0 ? 0 : sum / weight;
    }

    double weightAt(long nowMillis, double halfLifeMillis) {
        return weight == 0 ? 0 : weight * decay(Math.max(0, nowMillis - updatedAtMillis), halfLifeMillis);
    }

    private static double decay(long elapsedMillis, double halfLifeMillis) {
        return Math.pow(2, -elapsedMillis / halfLifeMillis);
    }
}
