package dev.clod.camel.energy;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("clod:prices")}: one exchange per site whose electricity price changes, in order, with
 * the site's {@link SitePrices} as the body. Embedded, the gateway's market tells of each change; in
 * remote mode the server's sites are read every {@code pollInterval}. Changes while the consumer is
 * suspended are not replayed.
 */
public final class PricesConsumer extends DefaultConsumer implements Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(PricesConsumer.class);

    private final Supplier<EnergyClient> clients;
    private final String model;
    private final Set<String> sites;
    private final Duration pollInterval;
    private EnergyClient client;
    private ScheduledExecutorService executor;
    private EnergyClient.Watch watch;
    private String modelId;

    /**
     * @param model only sites serving this model, each with only this model's price; null for all
     * @param sites only these sites; empty for all
     * @param pollInterval how often a server's sites are read
     */
    public PricesConsumer(
            Endpoint endpoint,
            Processor processor,
            Supplier<EnergyClient> clients,
            String model,
            Set<String> sites,
            Duration pollInterval) {
        super(endpoint, processor);
        this.clients = clients;
        this.model = model;
        this.sites = Set.copyOf(sites);
        this.pollInterval = pollInterval;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = clients.get();
        if (model != null) {
            client.checkModel(model);
        }
        // One thread: changes reach the route in the order they happened.
        executor = getEndpoint()
                .getCamelContext()
                .getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "ClodPrices");
        watch = client.watch(this::emit, executor, pollInterval);
    }

    @Override
    protected void doStop() throws Exception {
        closeWatch();
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        super.doStop();
    }

    @Override
    protected void doSuspend() throws Exception {
        closeWatch();
    }

    @Override
    protected void doResume() throws Exception {
        watch = client.watch(this::emit, executor, pollInterval);
    }

    private void closeWatch() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    private void emit(PriceUpdate update) {
        String only = modelFilter();
        if (model != null && only == null) {
            return;
        }
        for (SitePrices changed : update.changed()) {
            if (!sites.isEmpty() && !sites.contains(changed.site())) {
                continue;
            }
            SitePrices body = only == null ? changed : changed.onlyModel(only);
            if (body != null) {
                send(body, update);
            }
        }
    }

    private void send(SitePrices site, PriceUpdate update) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(site);
            PriceHeaders.site(exchange.getMessage(), site.site(), site.usdPerMwh(), site.status(), update.asOf());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            if (exchange.getException() != null) {
                getExceptionHandler()
                        .handleException("Error processing a price change", exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
        }
    }

    /** The id of the model filter, resolved once; null without a filter or while it cannot be resolved. */
    private String modelFilter() {
        if (model == null || modelId != null) {
            return modelId;
        }
        try {
            modelId = client.modelId(model);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Cannot resolve the model '{}' of {}; its price changes are skipped until it can be: {}",
                    model,
                    getEndpoint(),
                    e.getMessage());
        }
        return modelId;
    }
}
