package dev.clod.camel.energy;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * {@code clod:prices} as a step: every site's prices now (a {@code List<SitePrices>}), one model's price
 * at each site ({@link ModelPrices}), or its history over a window ({@link PriceHistory}).
 */
public final class PricesProducer extends DefaultProducer {

    private final Supplier<EnergyClient> clients;
    private final String model;
    private final String window;
    private final Set<String> sites;
    private EnergyClient client;

    /**
     * @param clients gives the client when the producer starts
     * @param model the model to price, or null for every site
     * @param window the history window with a model, or null for the prices now
     * @param sites the sites the list is limited to; empty for all
     */
    public PricesProducer(
            Endpoint endpoint, Supplier<EnergyClient> clients, String model, String window, Set<String> sites) {
        super(endpoint);
        this.clients = clients;
        this.model = model;
        this.window = window;
        this.sites = Set.copyOf(sites);
    }

    /** Fails the route's start, not its first exchange, when the embedded gateway cannot price the model. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = clients.get();
        if (model != null) {
            client.checkModel(model);
        }
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        PriceHeaders.clear(message);
        if (model == null) {
            EnergySnapshot snapshot = client.sites();
            List<SitePrices> chosen = snapshot.sites().stream()
                    .filter(site -> sites.isEmpty() || sites.contains(site.site()))
                    .toList();
            PriceHeaders.pricedAt(message, snapshot.asOf());
            message.setBody(chosen);
        } else if (window == null) {
            ModelPrices prices = client.modelPrices(model);
            ModelSitePrice cheapest = prices.cheapest();
            PriceHeaders.site(message, cheapest.site(), cheapest.usdPerMwh(), cheapest.status(), prices.asOf());
            message.setBody(prices);
        } else {
            PriceHistory history = client.history(model, window);
            PriceHeaders.pricedAt(message, history.to());
            message.setBody(history);
        }
    }
}
