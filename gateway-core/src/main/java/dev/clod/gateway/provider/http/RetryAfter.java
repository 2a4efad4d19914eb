package dev.clod.gateway.provider.http;

import java.net.http.HttpHeaders;
import java.time.Duration;

/** Reads how long an upstream asked to be left alone. */
public final class RetryAfter {

    /** Longer waits than this are taken as a day: a wait that long means "not today". */
    private static final long MAX_SECONDS = 86_400;

    private RetryAfter() {}

    /**
     * The {@code retry-after} header in whole or fractional seconds (the form LLM APIs send), or null
     * when it is absent or in the HTTP-date form, which no LLM API uses.
     */
    public static Duration of(HttpHeaders headers) {
        return headers.firstValue("retry-after").map(RetryAfter::seconds).orElse(null);
    }

    /** Seconds as text ({@code "12"}, {@code "1.5"}), or null when it is not a number. */
    public static Duration seconds(String text) {
        try {
            double seconds = Double.parseDouble(text.strip());
            if (!(seconds >= 0)) {
                return null;
            }
            return Duration.ofMillis((long) (Math.min(seconds, MAX_SECONDS) * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
