package dev.clod.examples.etl;

import java.util.Map;
import org.apache.camel.main.Main;

/**
 * Runs the enrichment once over the shipped CSV and exits. The {@code clod} component embeds the
 * gateway with its demo catalog, so nothing needs to be running or configured.
 */
public final class EtlEnrichmentApp {

    private EtlEnrichmentApp() {}

    public static void main(String[] args) throws Exception {
        run(Map.of());
    }

    /**
     * Enriches the input file and returns the run's totals once it is written.
     *
     * @param overrides property values that replace those of {@code application.properties}
     */
    public static RunSummary run(Map<String, String> overrides) throws Exception {
        RunSummary summary = new RunSummary();
        // No main class: Camel would scan this package and build EnrichmentRoutes without its summary.
        Main main = new Main();
        overrides.forEach(main::addOverrideProperty);
        main.configure().addRoutesBuilder(new EnrichmentRoutes(summary));
        // The file consumer turns the one input file into one exchange: stop once it is done.
        main.configure().setDurationMaxMessages(1);
        main.run();
        return summary;
    }
}
