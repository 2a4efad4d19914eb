package dev.clod.examples.lowprice;

import dev.clod.camel.energy.PriceAt;
import dev.clod.camel.energy.PriceHistory;
import dev.clod.camel.energy.SiteHistory;
import dev.clod.gateway.catalog.ListPrice;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the batch would have cost had it run at once, when it was submitted: each record's actual
 * tokens at the prices of that moment, at whichever site was cheapest for it then. That is the least
 * running at once could have cost, so the saving reported against it is never flattered.
 *
 * @param pricesAtSubmit each site's price per million tokens at the submit instant
 * @param recordsBySite how many records each site would have been cheapest for
 */
record CostAtSubmit(BigDecimal costUsd, Map<String, PriceAt> pricesAtSubmit, Map<String, Integer> recordsBySite) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    static CostAtSubmit of(PriceHistory history, Instant submittedAt, List<BatchRecord> records) {
        Map<String, PriceAt> prices = new LinkedHashMap<>();
        for (SiteHistory site : history.sites()) {
            site.at(submittedAt).ifPresent(price -> prices.put(site.site(), price));
        }
        if (prices.isEmpty()) {
            throw new IllegalStateException("the price history has no price at " + submittedAt);
        }
        BigDecimal total = BigDecimal.ZERO;
        Map<String, Integer> bySite = new TreeMap<>();
        for (BatchRecord record : records) {
            String cheapestSite = null;
            BigDecimal cheapest = null;
            for (Map.Entry<String, PriceAt> site : prices.entrySet()) {
                BigDecimal cost = cost(site.getValue().pricePer1m(), record);
                if (cheapest == null || cost.compareTo(cheapest) < 0) {
                    cheapest = cost;
                    cheapestSite = site.getKey();
                }
            }
            total = total.add(cheapest);
            bySite.merge(cheapestSite, 1, Integer::sum);
        }
        return new CostAtSubmit(total, prices, bySite);
    }

    /** As the gateway bills a request: tokens times the price per million, each way. */
    private static BigDecimal cost(ListPrice price, BatchRecord record) {
        return perMillion(price.inputPer1m(), record.promptTokens())
                .add(perMillion(price.outputPer1m(), record.completionTokens()));
    }

    private static BigDecimal perMillion(BigDecimal price, int tokens) {
        return tokens == 0
                ? BigDecimal.ZERO
                : price.multiply(BigDecimal.valueOf(tokens)).divide(MILLION, MathContext.DECIMAL64);
    }
}
