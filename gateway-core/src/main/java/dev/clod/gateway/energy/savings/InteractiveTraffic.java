package dev.clod.gateway.energy.savings;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Requests that users send through the day and expect answered at once, following a daily curve in
 * the users' local time: how many requests arrive in each hour of a weekday and of a weekend day.
 *
 * <p>The traffic is cut into slots (15 minutes in the demo) so that the site serving it can change as
 * prices move. An hour's requests are shared out over its slots as whole requests, as evenly as they
 * divide.
 *
 * @param zone the users' time zone, which the curve's hours are in
 * @param weekdayRequestsPerHour 24 counts, for the hours starting at 00:00 … 23:00 local time, Monday to
 *     Friday
 * @param weekendRequestsPerHour the same for Saturday and Sunday
 * @param perRequest the tokens of one request
 * @param slot the length of one slot; divides an hour
 */
public record InteractiveTraffic(
        ZoneId zone,
        List<Integer> weekdayRequestsPerHour,
        List<Integer> weekendRequestsPerHour,
        TokenVolume perRequest,
        Duration slot) {

    private static final int HOURS = 24;
    private static final Duration HOUR = Duration.ofHours(1);

    public InteractiveTraffic {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(perRequest, "perRequest");
        Objects.requireNonNull(slot, "slot");
        weekdayRequestsPerHour = dailyCurve(weekdayRequestsPerHour, "weekday");
        weekendRequestsPerHour = dailyCurve(weekendRequestsPerHour, "weekend");
        if (slot.isNegative() || slot.isZero() || HOUR.toNanos() % slot.toNanos() != 0) {
            throw new IllegalArgumentException("a slot is a positive divisor of an hour: " + slot);
        }
    }

    /** The slots starting in {@code [from, to)}, in time order; {@code from} is taken as a slot start. */
    public List<InteractiveSlot> slots(Instant from, Instant to) {
        int slotsPerHour = (int) (HOUR.toNanos() / slot.toNanos());
        List<InteractiveSlot> slots = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(slot)) {
            ZonedDateTime local = start.atZone(zone);
            long perHour = curveFor(local.getDayOfWeek()).get(local.getHour());
            int index =
                    (int) (Duration.between(local.withMinute(0).withSecond(0).withNano(0), local)
                                    .toNanos()
                            / slot.toNanos());
            // whole requests: slot i gets floor(n(i+1)/k) - floor(ni/k), which sums to n over the hour
            long requests = perHour * (index + 1) / slotsPerHour - perHour * index / slotsPerHour;
            slots.add(new InteractiveSlot(start, slot, requests, perRequest.times(requests)));
        }
        return slots;
    }

    private List<Integer> curveFor(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? weekendRequestsPerHour : weekdayRequestsPerHour;
    }

    private static List<Integer> dailyCurve(List<Integer> counts, String which) {
        Objects.requireNonNull(counts, which);
        if (counts.size() != HOURS) {
            throw new IllegalArgumentException(
                    "the " + which + " curve gives one count per hour of the day, 24, not " + counts.size());
        }
        if (counts.stream().anyMatch(c -> c == null || c < 0)) {
            throw new IllegalArgumentException("the " + which + " curve holds counts that are never negative");
        }
        return List.copyOf(counts);
    }
}
