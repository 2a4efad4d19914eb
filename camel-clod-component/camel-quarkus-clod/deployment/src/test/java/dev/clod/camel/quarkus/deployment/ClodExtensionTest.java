package dev.clod.camel.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.camel.ClodConstants;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Quarkus application with the extension and the component page's first route: the embedded gateway
 * comes up from the demo catalog, the route answers, options set in the application's configuration
 * reach the component, and the feature is reported at start.
 */
class ClodExtensionTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(ChatRoute.class))
            // The nested form the component page shows for remote mode.
            .overrideConfigKey("camel.component.clod.configuration.model", "llama-3.1-8b@price")
            // Quarkus lists the installed features in one line when the application starts.
            .setLogRecordPredicate(r -> r.getLevel().equals(Level.INFO) && "io.quarkus".equals(r.getLoggerName()))
            .assertLogRecords(records -> assertThat(records)
                    .map(r -> new PatternFormatter("%s").format(r))
                    .filteredOn(m -> m.startsWith("Installed features:"))
                    .singleElement()
                    .asString()
                    .containsPattern("[\\[ ]camel-clod[,\\]]"));

    @Inject
    ProducerTemplate producer;

    @Test
    void routesTheDemoCatalogThroughTheEmbeddedGateway() {
        Exchange answer = producer.request("direct:in", e -> e.getMessage().setBody("Hello"));

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getBody(String.class))
                .startsWith("This is a simulated answer from sim-new-york. You asked: \"Hello\".");
        // The demo catalog's quickest first token for DeepSeek V3 is in New York.
        assertThat(answer.getMessage().getHeaders())
                .containsEntry(ClodConstants.PROVIDER, "sim-new-york")
                .containsEntry(ClodConstants.RESOLVED_MODEL, "deepseek-v3")
                .containsEntry(ClodConstants.STRATEGY, "latency");
    }

    @Test
    void takesComponentOptionsFromTheApplicationConfiguration() {
        Exchange answer =
                producer.request("direct:configured", e -> e.getMessage().setBody("Hello"));

        assertThat(answer.getException()).isNull();
        // The demo catalog's Llama 3.1 8B sites; which is cheapest follows the replayed grid prices.
        assertThat(answer.getMessage().getHeader(ClodConstants.PROVIDER, String.class))
                .isIn("sim-dallas", "sim-tulsa", "sim-los-angeles");
        assertThat(answer.getMessage().getHeader(ClodConstants.PRICED_AT, String.class))
                .startsWith("2024-08-12T");
        assertThat(answer.getMessage().getHeaders())
                .containsEntry(ClodConstants.RESOLVED_MODEL, "llama-3.1-8b")
                .containsEntry(ClodConstants.STRATEGY, "price");
    }

    /** The routes a Quarkus application declares as a bean. */
    @ApplicationScoped
    static class ChatRoute extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:in").to("clod:chat?model=deepseek-v3@latency");
            from("direct:configured").to("clod:chat");
        }
    }
}
