package dev.clod.examples.lowprice;

import dev.clod.camel.ClodConstants;
import dev.clod.camel.energy.CheapEnergyRoutePolicy;
import dev.clod.camel.energy.PriceHistory;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * Consumes the batch's files from the inbox under a {@link CheapEnergyRoutePolicy}: the files wait in
 * the inbox until the cheapest window before the deadline, then each is sent to {@code clod:chat}
 * (routed to the cheapest site at that moment) and its answer written to the outbox. After the last
 * one, the model's price history gives the prices at submit time for the report.
 */
final class BatchRoutes extends RouteBuilder {

    private static final String SYSTEM_MESSAGE = "You triage support tickets. Answer with one word (bug, billing,"
            + " question or praise), a colon, and one sentence saying why.";
    private static final String LAST = "lowPriceBatchLast";

    private final BatchSettings settings;
    private final CheapEnergyRoutePolicy policy;
    private final BatchRun run;

    BatchRoutes(BatchSettings settings, CheapEnergyRoutePolicy policy, BatchRun run) {
        this.settings = settings;
        this.policy = policy;
        this.run = run;
    }

    @Override
    public void configure() {
        // A short poll delay: at 2400x, the default half second would be twenty replayed minutes. The
        // inbox holds copies, so a file answered is deleted; its answer is in the outbox.
        from("file:" + settings.inbox() + "?delay=50&sortBy=file:name&delete=true")
                .routeId("low-price-batch")
                .routePolicy(policy)
                .convertBodyTo(String.class)
                .to("clod:chat?model=" + settings.model() + "@price&maxTokens=60&systemMessage=" + SYSTEM_MESSAGE)
                .process(this::record)
                .to("file:" + settings.outbox())
                .filter(exchangeProperty(LAST))
                .to("clod:prices?model=" + settings.model() + "&window=7d")
                .process(this::report);
    }

    private void record(Exchange exchange) {
        Message message = exchange.getMessage();
        BatchRecord record = new BatchRecord(
                message.getHeader(Exchange.FILE_NAME, String.class),
                message.getHeader(ClodConstants.SITE, String.class),
                Instant.parse(message.getHeader(ClodConstants.PRICED_AT, String.class)),
                message.getHeader(ClodConstants.PROMPT_TOKENS, 0, Integer.class),
                message.getHeader(ClodConstants.COMPLETION_TOKENS, 0, Integer.class),
                message.getHeader(ClodConstants.COST_USD, BigDecimal.ZERO, BigDecimal.class));
        exchange.setProperty(LAST, run.add(record));
    }

    private void report(Exchange exchange) {
        PriceHistory history = exchange.getMessage().getBody(PriceHistory.class);
        BatchReport report = new BatchReport(settings.model(), policy.getPlan(), run.records(), history);
        run.finish(report);
        report.print(System.out);
    }
}
