package dev.clod.camel.energy;

import dev.clod.camel.RemoteErrors;
import dev.clod.gateway.api.InvalidRequestException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prices of a clod gateway server: {@code GET /energy/sites}, {@code /energy/windows} and {@code
 * /models/{id}/prices}, with the bearer key. Its clock is the server's {@code as_of}. Model names
 * and aliases are passed on as given: the server resolves them.
 */
final class RemoteEnergy implements EnergyClient {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteEnergy.class);

    /** How old the latest {@code as_of} may get before reading the clock asks the server again. */
    static final Duration CLOCK_REFRESH = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private final ServerClock clock;
    private final Map<String, String> modelIds = new ConcurrentHashMap<>();

    RemoteEnergy(HttpClient http, String baseUrl, String apiKey, Clock wall) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.clock = new ServerClock(wall, CLOCK_REFRESH, this::sites);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public double speed() {
        return clock.speed();
    }

    @Override
    public EnergySnapshot sites() {
        EnergySnapshot snapshot = EnergyJson.sites(get("/energy/sites"));
        clock.observe(snapshot.asOf());
        return snapshot;
    }

    @Override
    public ModelPrices modelPrices(String model) {
        EnergySnapshot snapshot = sites();
        ModelPrices prices = ModelPrices.of(model, snapshot);
        if (prices == null) {
            String id = modelId(model);
            prices = id.equals(model) ? null : ModelPrices.of(id, snapshot);
            if (prices == null) {
                throw new InvalidRequestException(
                        "The model '" + model + "' is not priced by energy: no site of the gateway server serves it.",
                        "model",
                        "model_not_energy_priced");
            }
        }
        return prices;
    }

    @Override
    public PriceHistory history(String model, String window) {
        return EnergyJson.history(
                get("/models/" + encode(model) + "/prices?window=" + encode(HistoryWindow.normalize(window))));
    }

    @Override
    public List<EnergyWindow> windows(String model, Duration length, Instant deadline, int count) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("model", model);
        query.put("duration", length.toString());
        query.put("deadline", deadline.toString());
        query.put("count", Integer.toString(count));
        StringBuilder path = new StringBuilder("/energy/windows");
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            path.append(separator).append(parameter.getKey()).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        EnergyJson.Windows answer = EnergyJson.windows(get(path.toString()));
        clock.observe(answer.asOf());
        return answer.windows();
    }

    /** Asks the server once for a name or alias it has not seen yet ({@code GET /models/{name}}). */
    @Override
    public String modelId(String model) {
        return modelIds.computeIfAbsent(model, name -> EnergyJson.modelId(get("/models/" + encode(name))));
    }

    @Override
    public void checkModel(String model) {
        // The server may not be up while routes start; every request checks the model.
    }

    @Override
    public Watch watch(Consumer<PriceUpdate> listener, ScheduledExecutorService executor, Duration pollInterval) {
        AtomicBoolean open = new AtomicBoolean(true);
        Map<String, SitePrices> seen = new HashMap<>();
        boolean[] baseline = {true};
        Runnable poll = () -> {
            if (!open.get()) {
                return;
            }
            EnergySnapshot snapshot;
            try {
                snapshot = sites();
            } catch (RuntimeException e) {
                LOG.warn(
                        "Could not read the prices of the gateway server at {}; trying again in {}: {}",
                        baseUrl,
                        pollInterval,
                        e.getMessage());
                return;
            }
            List<SitePrices> changed = snapshot.sites().stream()
                    .filter(site -> site.differsFrom(seen.get(site.site())))
                    .toList();
            changed.forEach(site -> seen.put(site.site(), site));
            boolean first = baseline[0];
            baseline[0] = false;
            if (!first && !changed.isEmpty() && open.get()) {
                listener.accept(new PriceUpdate(snapshot.asOf(), changed));
            }
        };
        ScheduledFuture<?> polling =
                executor.scheduleWithFixedDelay(poll, 0, pollInterval.toNanos(), TimeUnit.NANOSECONDS);
        return () -> {
            open.set(false);
            polling.cancel(false);
        };
    }

    private byte[] get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("authorization", "Bearer " + apiKey);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw RemoteErrors.unreachable(baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the gateway server");
        }
        if (response.statusCode() != 200) {
            throw RemoteErrors.fromResponse(response.statusCode(), response.body());
        }
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
