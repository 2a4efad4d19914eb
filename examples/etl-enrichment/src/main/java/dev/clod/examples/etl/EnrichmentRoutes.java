package dev.clod.examples.etl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.clod.camel.ClodConstants;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;

/**
 * Reads the country CSV, asks the model for a one-sentence summary of each country's history through
 * {@code clod:chat}, and writes one JSON line per row. Where each row was served and what it cost come
 * from the {@code CamelClod*} headers.
 *
 * <p>Properties: {@code etl.input} (folder with {@code factbook-backgrounds.csv}), {@code etl.output}
 * (folder for {@code factbook-enriched.jsonl}), {@code etl.model} (model string with strategy tags).
 */
public final class EnrichmentRoutes extends RouteBuilder {

    static final String INPUT_FILE = "factbook-backgrounds.csv";
    static final String OUTPUT_FILE = "factbook-enriched.jsonl";
    private static final String ROW = "countryRow";
    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final RunSummary summary;

    public EnrichmentRoutes(RunSummary summary) {
        this.summary = summary;
    }

    @Override
    public void configure() {
        from("file:{{etl.input}}?fileName=" + INPUT_FILE + "&noop=true")
                .routeId("enrich-countries")
                .process(exchange -> exchange.getMessage()
                        .setBody(CountryCsv.read(exchange.getMessage().getBody(InputStream.class))))
                // Rows are independent, so several are asked at once; the lines still come out in input order.
                .split(body(), new GroupedBodyAggregationStrategy())
                .parallelProcessing()
                .process(EnrichmentRoutes::askForSummary)
                .to(
                        "clod:chat?model={{etl.model}}&maxTokens=80"
                                + "&systemMessage=You are an encyclopedia editor. Answer with one sentence of at most 30 words.")
                .process(this::toJsonLine)
                .end()
                .process(exchange -> exchange.getMessage().setBody(lines(exchange)))
                .to("file:{{etl.output}}?fileName=" + OUTPUT_FILE + "&fileExist=Override")
                .process(exchange -> summary.print(System.out));
    }

    private static void askForSummary(Exchange exchange) {
        CountryRow row = exchange.getMessage().getBody(CountryRow.class);
        exchange.setProperty(ROW, row);
        exchange.getMessage()
                .setBody("Summarise the history of " + row.country() + " in one sentence.\n\n" + row.background());
    }

    private void toJsonLine(Exchange exchange) throws Exception {
        CountryRow row = exchange.getProperty(ROW, CountryRow.class);
        Message message = exchange.getMessage();
        EnrichedRow enriched = new EnrichedRow(
                row.code(),
                row.country(),
                row.region(),
                message.getBody(String.class),
                message.getHeader(ClodConstants.RESOLVED_MODEL, String.class),
                message.getHeader(ClodConstants.DEPLOYMENT, String.class),
                message.getHeader(ClodConstants.SITE, String.class),
                message.getHeader(ClodConstants.PROMPT_TOKENS, 0, Integer.class),
                message.getHeader(ClodConstants.COMPLETION_TOKENS, 0, Integer.class),
                message.getHeader(ClodConstants.COST_USD, BigDecimal.ZERO, BigDecimal.class));
        summary.add(enriched);
        message.setBody(JSON.writeValueAsString(enriched));
    }

    private static String lines(Exchange exchange) {
        List<?> lines = exchange.getMessage().getBody(List.class);
        return lines.stream().map(String::valueOf).collect(Collectors.joining("\n", "", "\n"));
    }
}
