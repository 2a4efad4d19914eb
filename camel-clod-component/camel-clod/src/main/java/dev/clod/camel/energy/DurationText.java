package dev.clod.camel.energy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a length of time written as {@code 2h}, {@code 90m}, {@code 1h30m}, {@code 45s}, {@code 1d} or ISO-8601 {@code PT2H}. */
final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private DurationText() {}

    /**
     * @throws IllegalArgumentException naming the text and the accepted forms, when it is not one of them
     *     or is not positive
     */
    static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a length of time is required, such as 2h, 90m or PT2H");
        }
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Duration duration;
        if (trimmed.startsWith("p")) {
            try {
                duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        } else {
            Matcher matcher = SHORT.matcher(trimmed);
            if (!matcher.matches() || trimmed.isEmpty()) {
                throw invalid(text);
            }
            duration = Duration.ofDays(part(matcher, 1))
                    .plusHours(part(matcher, 2))
                    .plusMinutes(part(matcher, 3))
                    .plusSeconds(part(matcher, 4));
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is not a positive length of time");
        }
        return duration;
    }

    private static long part(Matcher matcher, int group) {
        String digits = matcher.group(group);
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(
                "'" + text + "' is not a length of time; write it as 2h, 90m, 1h30m, 45s, 1d or PT2H");
    }
}
