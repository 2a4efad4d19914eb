package dev.clod.camel.energy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * A gateway's electricity and token prices, embedded in this JVM or behind a server's HTTP API: what
 * {@code clod:prices} and {@link CheapEnergyRoutePolicy} read. Both kinds answer with the same records
 * and fail with the {@code ClodException} family.
 *
 * <p>Get one from {@code ClodComponent#energy}; {@link EnergyClients} builds them.
 */
public interface EnergyClient {

    /**
     * The energy clock: the embedded market's (a replay of past prices in the demo catalog), or the
     * server's {@code as_of} carried forward between readings.
     */
    Clock clock();

    /** How much energy-clock time passes per unit of wall time: a replay's speed, 1 for a live clock. */
    double speed();

    /** Every site's electricity price and the prices of the models it serves, now. */
    EnergySnapshot sites();

    /**
     * One model's price at every site that serves it by energy, cheapest first.
     *
     * @param model an id, name or alias
     * @throws dev.clod.gateway.api.ClodException 404 for an unknown model, 400 for a model no site prices
     */
    ModelPrices modelPrices(String model);

    /**
     * One model's price history over a window before now.
     *
     * @param window {@code 4h}, {@code 24h} or {@code 7d}
     */
    PriceHistory history(String model, String window);

    /**
     * The cheapest windows of {@code length} that end by {@code deadline}, best first.
     *
     * @throws dev.clod.gateway.api.ClodException 400 when the length or deadline cannot give a window
     */
    List<EnergyWindow> windows(String model, Duration length, Instant deadline, int count);

    /** The id of a model given by id, name or alias. */
    String modelId(String model);

    /** Fails when the gateway certainly cannot price {@code model} by energy; a remote one is not asked. */
    void checkModel(String model);

    /**
     * Tells {@code listener} of every price change until the returned watch is closed, always on
     * {@code executor}: the embedded market's changes as it sees them, a server's by reading its sites
     * every {@code pollInterval}. The first reading of a server is the baseline; it is not a change.
     */
    Watch watch(Consumer<PriceUpdate> listener, ScheduledExecutorService executor, Duration pollInterval);

    /** A running {@link #watch}. */
    interface Watch extends AutoCloseable {

        /** Stops telling the listener; no call starts after this returns. */
        @Override
        void close();
    }
}
