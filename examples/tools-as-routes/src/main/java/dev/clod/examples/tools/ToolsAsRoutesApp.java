package dev.clod.examples.tools;

import java.util.Map;
import org.apache.camel.main.Main;

/**
 * Asks the configured questions once and exits. The {@code clod} component embeds the gateway with its
 * demo catalog, so nothing needs to be running or configured.
 */
public final class ToolsAsRoutesApp {

    private ToolsAsRoutesApp() {}

    public static void main(String[] args) throws Exception {
        Transcript transcript = run(Map.of());
        if (transcript.failure() != null) {
            System.exit(1);
        }
    }

    /**
     * Asks every question and returns what happened once the last one is answered.
     *
     * @param overrides property values that replace those of {@code application.properties}
     */
    public static Transcript run(Map<String, String> overrides) throws Exception {
        Transcript transcript = new Transcript(System.out);
        // No main class: Camel would scan this package and build the route builders without their transcript.
        Main main = new Main();
        overrides.forEach(main::addOverrideProperty);
        main.bind(QuestionRoutes.WEATHER_TOOL, Tools.weather());
        main.bind(QuestionRoutes.CURRENCY_TOOL, Tools.currency());
        main.configure().addRoutesBuilder(new ToolRoutes(transcript));
        main.configure().addRoutesBuilder(new QuestionRoutes(transcript, main::completed));
        main.run();
        return transcript;
    }
}
