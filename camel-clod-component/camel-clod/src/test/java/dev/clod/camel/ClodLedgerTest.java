package dev.clod.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.usage.UsageSummaryRow;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** With {@code ledger=true} the embedded gateway writes the server's ledger, and clod:usage reads it. */
class ClodLedgerTest extends CamelTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ClodComponent clod = new ClodComponent();
        clod.setConfigFile("classpath:clod-ledger.yaml");
        clod.setLedger(true);
        context.addComponent("clod", clod);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ask").to("clod:chat?model=sim-llama&project=etl-nightly");
                from("direct:usage").to("clod:usage");
            }
        };
    }

    @Test
    void everyRequestIsInTheLedgerAndUsageReadsIt() throws Exception {
        template.requestBody("direct:ask", "One");
        template.requestBody("direct:ask", "Two");

        List<?> rows = template.requestBody("direct:usage", null, List.class);

        assertThat(rows).singleElement().isInstanceOfSatisfying(UsageSummaryRow.class, row -> {
            assertThat(row.key()).isEqualTo("sim-llama");
            assertThat(row.requests()).isEqualTo(2);
            assertThat(row.costUsd()).isPositive();
        });
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:clod-camel-ledger;DB_CLOSE_DELAY=-1");
                ResultSet count = connection
                        .createStatement()
                        .executeQuery("SELECT COUNT(*) FROM usage_records WHERE project_id = 'etl-nightly'")) {
            count.next();
            assertThat(count.getInt(1))
                    .as("both requests, recorded under the endpoint's project")
                    .isEqualTo(2);
        }
    }
}
