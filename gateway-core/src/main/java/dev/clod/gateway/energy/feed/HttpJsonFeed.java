package dev.clod.gateway.energy.feed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clod.gateway.energy.Market;
import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.TraceKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls an HTTP endpoint for prices in JSON:
 *
 * <pre>
 * {"resolution_minutes": 5,
 *  "prices": [{"timestamp_utc": "2024-08-12T14:05:00Z", "location": "ercot-north",
 *              "market": "rt", "usd_per_mwh": 31.2}, …]}
 * </pre>
 *
 * <p>The fields are the CSV schema's; {@code usd_per_mwh} may be a number or a string, {@code market}
 * is {@code rt} or {@code da} (day-ahead prices for the coming hours), {@code resolution_minutes} is
 * optional (inferred from the rows otherwise). Each poll adds to what earlier polls delivered, so an
 * endpoint may return only the latest rows; prices older than the retention are dropped.
 *
 * <p>A poll that fails (connection, status, malformed JSON, a row for a location the feed was not
 * declared with) changes nothing but the feed's {@link #health()}: the last prices keep serving until
 * they age out, and routing never sees an exception.
 */
public final class HttpJsonFeed implements EnergyFeed {

    private static final Logger LOG = LoggerFactory.getLogger(HttpJsonFeed.class);
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final URI url;
    private final Set<String> locations;
    private final Duration interval;
    private final Duration retention;
    private final Map<String, String> headers;
    private final Clock wall;
    private final HttpClient client;
    private final Runnable onUpdate;
    private final Object lock = new Object();
    /** Every row kept, by series; written under {@link #lock} by one poll at a time. */
    private final Map<TraceKey, TreeMap<Instant, BigDecimal>> rows = new HashMap<>();

    private volatile Map<TraceKey, PriceTrace> traces = Map.of();
    private volatile FeedHealth health = new FeedHealth(null, "not polled yet", null);
    private volatile ScheduledFuture<?> schedule;

    /**
     * @param onUpdate called after every poll that delivered prices, on the polling thread
     */
    public HttpJsonFeed(
            URI url,
            Set<String> locations,
            Duration interval,
            Duration retention,
            Map<String, String> headers,
            Clock wall,
            Runnable onUpdate) {
        this.url = Objects.requireNonNull(url, "url");
        this.locations = Set.copyOf(locations);
        this.interval = Objects.requireNonNull(interval, "interval");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.headers = Map.copyOf(headers);
        this.wall = Objects.requireNonNull(wall, "wall");
        this.onUpdate = Objects.requireNonNull(onUpdate, "onUpdate");
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Polls now, then every interval, on the given scheduler. */
    public void start(ScheduledExecutorService scheduler) {
        schedule = scheduler.scheduleWithFixedDelay(this::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the endpoint once and merges what it returns; failures only change the health. */
    public void pollSafely() {
        try {
            poll();
        } catch (RuntimeException | IOException e) {
            fail(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    private void poll() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .GET();
        headers.forEach(request::header);
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            fail("HTTP " + response.statusCode() + " from " + url);
            return;
        }
        JsonNode document;
        try {
            document = JSON.readTree(response.body());
        } catch (IOException e) {
            fail("malformed JSON from " + url + ": " + e.getMessage());
            return;
        }
        Parsed parsed = parse(document);
        if (parsed.error != null) {
            fail(parsed.error);
            return;
        }
        synchronized (lock) {
            Instant oldest = wall.instant().minus(retention);
            parsed.rows.forEach((key, prices) -> {
                TreeMap<Instant, BigDecimal> kept = rows.computeIfAbsent(key, k -> new TreeMap<>());
                kept.putAll(prices);
                kept.headMap(oldest).clear();
            });
            Map<TraceKey, PriceTrace> next = new HashMap<>();
            rows.forEach((key, prices) -> {
                if (!prices.isEmpty()) {
                    next.put(
                            key,
                            parsed.resolution == null
                                    ? PriceTrace.of(key, prices)
                                    : PriceTrace.of(key, prices, parsed.resolution));
                }
            });
            traces = Map.copyOf(next);
        }
        health = FeedHealth.loaded(wall.instant());
        onUpdate.run();
    }

    private record Parsed(Map<TraceKey, TreeMap<Instant, BigDecimal>> rows, Duration resolution, String error) {
        static Parsed failed(String error) {
            return new Parsed(Map.of(), null, error);
        }
    }

    /** The rows of one response, or the first thing wrong with it. */
    private Parsed parse(JsonNode document) {
        if (!document.isObject() || !document.path("prices").isArray()) {
            return Parsed.failed("expected an object with a \"prices\" array from " + url);
        }
        Duration resolution = null;
        JsonNode minutes = document.get("resolution_minutes");
        if (minutes != null && !minutes.isNull()) {
            if (!minutes.canConvertToInt() || minutes.asInt() < 1 || !minutes.isIntegralNumber()) {
                return Parsed.failed("resolution_minutes must be a whole number of minutes, got " + minutes);
            }
            resolution = Duration.ofMinutes(minutes.asInt());
        }
        Map<TraceKey, TreeMap<Instant, BigDecimal>> parsed = new HashMap<>();
        int index = 0;
        for (JsonNode row : document.get("prices")) {
            String where = "prices[" + index++ + "]";
            String location = row.path("location").asText(null);
            String marketCode = row.path("market").asText("rt");
            String timestamp = row.path("timestamp_utc").asText(null);
            JsonNode price = row.get("usd_per_mwh");
            if (location == null || timestamp == null || price == null) {
                return Parsed.failed(where + " needs timestamp_utc, location and usd_per_mwh");
            }
            if (!locations.contains(location)) {
                return Parsed.failed(where + ": location \"" + location + "\" is not one this feed is declared with "
                        + new TreeSet<>(locations));
            }
            Optional<Market> market = Market.fromCode(marketCode);
            if (market.isEmpty()) {
                return Parsed.failed(where + ": market \"" + marketCode + "\" is not one of " + Market.validCodes());
            }
            Instant start;
            try {
                if (!timestamp.endsWith("Z")) {
                    return Parsed.failed(where + ": timestamp_utc must be UTC ending in Z, got " + timestamp);
                }
                start = Instant.parse(timestamp);
            } catch (DateTimeParseException e) {
                return Parsed.failed(where + ": timestamp_utc is not an ISO-8601 instant: " + timestamp);
            }
            BigDecimal usdPerMwh;
            try {
                usdPerMwh = price.isNumber() ? price.decimalValue() : new BigDecimal(price.asText());
            } catch (NumberFormatException e) {
                return Parsed.failed(where + ": usd_per_mwh is not a number: " + price);
            }
            parsed.computeIfAbsent(new TraceKey(location, market.get()), k -> new TreeMap<>())
                    .put(start, usdPerMwh);
        }
        return new Parsed(parsed, resolution, null);
    }

    private void fail(String why) {
        FeedHealth before = health;
        health = new FeedHealth(before.lastSuccess(), why, wall.instant());
        if (!why.equals(before.lastError())) {
            LOG.warn("energy feed {} failed: {}", url, why);
        }
    }

    @Override
    public String name() {
        return "http:" + url;
    }

    @Override
    public Set<String> locations() {
        return locations;
    }

    @Override
    public Optional<PriceTrace> trace(TraceKey key) {
        return Optional.ofNullable(traces.get(key));
    }

    @Override
    public Instant dayAheadPublishedUntil(Instant now) {
        return Instant.MAX; // a live feed holds only what was published
    }

    @Override
    public FeedHealth health() {
        return health;
    }

    @Override
    public void close() {
        ScheduledFuture<?> running = schedule;
        if (running != null) {
            running.cancel(false);
        }
    }
}
