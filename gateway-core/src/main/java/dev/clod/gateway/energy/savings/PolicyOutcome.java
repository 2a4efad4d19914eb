package dev.clod.gateway.energy.savings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one policy did with the workload and what it cost.
 *
 * @param policy the policy
 * @param charge the sum over every priced job
 * @param placements where and when each priced job ran, in submission order
 * @param byJob the charge split by job name ({@code interactive}, then batch jobs as first submitted)
 */
public record PolicyOutcome(Policy policy, Charge charge, List<Placement> placements, Map<String, Charge> byJob) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public PolicyOutcome {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(charge, "charge");
        placements = List.copyOf(placements);
        byJob = Collections.unmodifiableMap(new LinkedHashMap<>(byJob));
    }

    /** How much less this cost in total than {@code baseline}, in percent to one decimal place. */
    public BigDecimal totalSavingPercent(PolicyOutcome baseline) {
        return savingPercent(charge.total(), baseline.charge.total());
    }

    /** How much less electricity cost under this policy than under {@code baseline}, in percent. */
    public BigDecimal energySavingPercent(PolicyOutcome baseline) {
        return savingPercent(charge.energy(), baseline.charge.energy());
    }

    private static BigDecimal savingPercent(BigDecimal cost, BigDecimal baseline) {
        if (baseline.signum() == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return baseline.subtract(cost).multiply(HUNDRED).divide(baseline, 1, RoundingMode.HALF_EVEN);
    }
}
