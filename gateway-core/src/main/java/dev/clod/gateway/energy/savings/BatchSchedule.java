package dev.clod.gateway.energy.savings;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A batch job that recurs on given days: submitted at a local time, due a number of days later at
 * another local time, such as a nightly enrichment submitted at 18:00 and due at 08:00 the next
 * morning. Local times follow the zone's daylight-saving rules.
 *
 * @param name the job's name in reports
 * @param zone the time zone of the local times
 * @param days the days of the week it is submitted on
 * @param submitAt the local time it is submitted at
 * @param deadlineDaysLater how many days after submission the deadline falls (0 for the same day)
 * @param deadlineAt the local time of the deadline
 * @param runLength how long one run takes
 * @param tokens the tokens one run processes
 */
public record BatchSchedule(
        String name,
        ZoneId zone,
        Set<DayOfWeek> days,
        LocalTime submitAt,
        int deadlineDaysLater,
        LocalTime deadlineAt,
        Duration runLength,
        TokenVolume tokens) {

    public BatchSchedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(submitAt, "submitAt");
        Objects.requireNonNull(deadlineAt, "deadlineAt");
        Objects.requireNonNull(runLength, "runLength");
        Objects.requireNonNull(tokens, "tokens");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("job " + name + " runs on at least one day of the week");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        if (deadlineDaysLater < 0) {
            throw new IllegalArgumentException("job " + name + " cannot be due before it is submitted");
        }
    }

    /** Every run submitted in {@code [from, to)}, in time order. */
    public List<BatchJob> jobs(Instant from, Instant to) {
        List<BatchJob> jobs = new ArrayList<>();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant submitted = day.atTime(submitAt).atZone(zone).toInstant();
            if (submitted.isBefore(from) || !submitted.isBefore(to)) {
                continue;
            }
            Instant deadline = day.plusDays(deadlineDaysLater)
                    .atTime(deadlineAt)
                    .atZone(zone)
                    .toInstant();
            jobs.add(new BatchJob(name, submitted, runLength, deadline, tokens));
        }
        return jobs;
    }
}
