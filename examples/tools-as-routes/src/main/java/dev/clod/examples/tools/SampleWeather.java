package dev.clod.examples.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weather tool's data: a fixed observation for each of a few cities, so the example runs offline.
 * A real tool would call a weather service here; the route around it would not change.
 */
public final class SampleWeather {

    /** One observation, as the tool returns it. */
    public record Observation(String city, String sky, int temperatureC, int windKmh, String source) {}

    private static final Map<String, Observation> BY_CITY = new LinkedHashMap<>();

    static {
        add(new Observation("Lyon", "clear", 24, 11, "sample observation"));
        add(new Observation("Oslo", "light rain", 12, 19, "sample observation"));
        add(new Observation("Nairobi", "partly cloudy", 22, 14, "sample observation"));
    }

    private SampleWeather() {}

    private static void add(Observation observation) {
        BY_CITY.put(observation.city(), observation);
    }

    /** The cities there is an observation for, in the order the tool's schema lists them. */
    public static List<String> cities() {
        return List.copyOf(BY_CITY.keySet());
    }

    public static Optional<Observation> now(String city) {
        return Optional.ofNullable(BY_CITY.get(city));
    }
}
