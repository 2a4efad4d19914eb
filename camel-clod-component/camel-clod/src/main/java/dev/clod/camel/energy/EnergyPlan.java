package dev.clod.camel.energy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When {@link CheapEnergyRoutePolicy} lets a route consume, for one deadline: in the cheapest window
 * the gateway proposed, or from the latest start that still meets the deadline when it proposed none.
 *
 * @param plannedAt the energy-clock instant the plan was made
 * @param deadline the deadline the work must be done by
 * @param start when the route's consumer resumes (the plan's instant, if that is already past)
 * @param end when it is suspended again
 * @param window the gateway's proposal the plan follows; null when it runs at the latest start instead
 * @param reason why it runs at the latest start, or null when it follows {@code window}
 */
public record EnergyPlan(
        Instant plannedAt, Instant deadline, Instant start, Instant end, EnergyWindow window, String reason) {

    public EnergyPlan {
        Objects.requireNonNull(plannedAt, "plannedAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if ((window == null) == (reason == null)) {
            throw new IllegalArgumentException("a plan follows a window, or says why it does not");
        }
    }

    /** A plan that follows the gateway's proposal. */
    static EnergyPlan proposed(Instant now, Instant deadline, EnergyWindow window) {
        Instant start = window.start().isBefore(now) ? now : window.start();
        return new EnergyPlan(now, deadline, start, window.end(), window, null);
    }

    /** A plan that starts as late as the work can start and still be done by the deadline. */
    static EnergyPlan latestStart(Instant now, Instant deadline, Duration duration, String reason) {
        Instant latest = deadline.minus(duration);
        return new EnergyPlan(now, deadline, latest.isBefore(now) ? now : latest, deadline, null, reason);
    }

    /** Whether the plan follows a window the gateway proposed. */
    public boolean followsProposal() {
        return window != null;
    }

    @Override
    public String toString() {
        String where = window == null
                ? "at the latest start (" + reason + ")"
                : "at " + window.site() + ", expected "
                        + window.expectedUsdPerMwh().stripTrailingZeros().toPlainString() + " $/MWh (" + window.basis()
                        + ")";
        return "consume from " + start + " to " + end + " for the deadline " + deadline + ", " + where;
    }
}
