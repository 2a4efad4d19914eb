package dev.clod.camel.energy;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The windows a price history may be asked for, as the server's {@code /models/{id}/prices} takes them. */
public final class HistoryWindow {

    private static final Map<String, Duration> WINDOWS =
            Map.of("4h", Duration.ofHours(4), "24h", Duration.ofHours(24), "7d", Duration.ofDays(7));

    /** The accepted values, for messages. */
    public static final String VALID = "4h, 24h or 7d";

    private HistoryWindow() {}

    /** Whether {@code text} names a window. */
    public static boolean isValid(String text) {
        return text != null && WINDOWS.containsKey(normalize(text));
    }

    static String normalize(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    static Duration parse(String text) {
        Duration window = text == null ? null : WINDOWS.get(normalize(text));
        if (window == null) {
            throw new IllegalArgumentException("window must be " + VALID + ", was '" + text + "'");
        }
        return window;
    }
}
