package dev.clod.camel.energy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/** When work that waits for cheap energy must be done: every day at a local time, or once at an instant. */
public sealed interface Deadline {

    /** The first deadline strictly after {@code instant}; empty when there is none any more. */
    Optional<Instant> firstAfter(Instant instant);

    /** The deadline as {@link #parse} reads it. */
    String text();

    /** Every day at {@code time} in {@code zone}, daylight saving time included. */
    static Deadline daily(LocalTime time, ZoneId zone) {
        return new Daily(time, zone);
    }

    /** Once, at {@code instant}. */
    static Deadline at(Instant instant) {
        return new At(instant);
    }

    /**
     * Reads {@code 08:00} (daily, in {@code zone}), {@code 08:00 Europe/Paris} (daily, in the zone
     * named), or an instant: {@code 2024-08-13T08:00:00Z} or {@code 2024-08-13T10:00:00+02:00}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    static Deadline parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "a deadline is required, such as 08:00, 08:00 Europe/Paris or" + " 2024-08-13T08:00:00Z");
        }
        String trimmed = text.strip();
        if (trimmed.contains("T")) {
            try {
                return new At(OffsetDateTime.parse(trimmed).toInstant());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "'" + text + "' is not an ISO-8601 instant with an offset," + " such as 2024-08-13T08:00:00Z");
            }
        }
        String[] parts = trimmed.split("\\s+");
        if (parts.length > 2) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a deadline; write 08:00, 08:00 Europe/Paris" + " or 2024-08-13T08:00:00Z");
        }
        LocalTime time;
        try {
            time = LocalTime.parse(parts[0]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a deadline: '" + parts[0] + "' is not a time of day such as 08:00");
        }
        ZoneId in = zone;
        if (parts.length == 2) {
            try {
                in = ZoneId.of(parts[1]);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not a deadline: '" + parts[1]
                        + "' is not a time zone such as Europe/Paris or UTC");
            }
        }
        return new Daily(time, in);
    }

    /** Every day at a local time. */
    record Daily(LocalTime time, ZoneId zone) implements Deadline {

        public Daily {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(zone, "zone");
        }

        @Override
        public Optional<Instant> firstAfter(Instant instant) {
            ZonedDateTime local = instant.atZone(zone);
            // ZonedDateTime.of moves a time that falls in a daylight-saving gap forward, as a wall clock does.
            ZonedDateTime candidate = ZonedDateTime.of(local.toLocalDate(), time, zone);
            while (!candidate.toInstant().isAfter(instant)) {
                candidate = ZonedDateTime.of(candidate.toLocalDate().plusDays(1), time, zone);
            }
            return Optional.of(candidate.toInstant());
        }

        @Override
        public String text() {
            return time + " " + zone.getId();
        }

        @Override
        public String toString() {
            return "daily at " + text();
        }
    }

    /** Once. */
    record At(Instant instant) implements Deadline {

        public At {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public Optional<Instant> firstAfter(Instant after) {
            return instant.isAfter(after) ? Optional.of(instant) : Optional.empty();
        }

        @Override
        public String text() {
            return instant.toString();
        }

        @Override
        public String toString() {
            return "at " + instant;
        }
    }
}
