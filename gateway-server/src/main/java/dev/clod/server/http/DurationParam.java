package dev.clod.server.http;

import dev.clod.gateway.api.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Query parameters for spans and instants: {@code 90m}, {@code 2h}, {@code 7d}, ISO-8601 {@code PT2H}. */
final class DurationParam {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([smhd])");

    private DurationParam() {}

    /** A required positive duration. */
    static Duration duration(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("Missing '" + name + "': a duration such as 2h, 90m or PT2H.", name);
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(text);
        Duration duration = null;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException malformed) {
                // reported below
            }
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new InvalidRequestException(
                    "Invalid '" + name + "' '" + value + "': expected a positive duration such as 2h, 90m or PT2H.",
                    name);
        }
        return duration;
    }

    /** A required instant: ISO-8601 UTC, or a duration from {@code now} such as {@code 12h}. */
    static Instant instant(String name, String value, Instant now) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(
                    "Missing '" + name + "': an instant such as 2024-08-13T08:00:00Z, or a span from now such as 12h.",
                    name);
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return now.plus(duration(name, value));
            } catch (InvalidRequestException notASpan) {
                throw new InvalidRequestException(
                        "Invalid '" + name + "' '" + value
                                + "': expected an instant such as 2024-08-13T08:00:00Z, or a span from now such as 12h.",
                        name);
            }
        }
    }
}
