package dev.clod.gateway.energy.savings;

import static dev.clod.gateway.energy.savings.HourlyPrices.JOB_TOKENS;
import static dev.clod.gateway.energy.savings.HourlyPrices.PRICING;
import static dev.clod.gateway.energy.savings.HourlyPrices.hour;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SavingsChartTest {

    @Test
    void theChartIsWellFormedSvgWithOnePriceSeriesPerSiteAndAMarkPerBatchRun() throws Exception {
        // a site id that needs escaping in XML, and a day with a price far above the rest
        Site a = new Site(
                "a&<b>",
                BigDecimal.ONE,
                HourlyPrices.realTime("grid-a")
                        .flat(0, 72, "30")
                        .from(30, "5000")
                        .trace());
        Site b = new Site(
                "b",
                BigDecimal.ONE,
                HourlyPrices.realTime("grid-b").flat(0, 72, "40").trace());
        List<Site> sites = List.of(a, b);
        List<Job> jobs = List.of(
                new BatchJob("nightly", hour(18), Duration.ofHours(2), hour(32), JOB_TOKENS),
                new BatchJob("nightly", hour(42), Duration.ofHours(2), hour(56), JOB_TOKENS),
                new InteractiveSlot(hour(12), Duration.ofMinutes(15), 3, JOB_TOKENS));
        SavingsResult result = new SavingsEngine(sites, "b", PRICING).run(jobs, hour(0), hour(72));

        String svg = SavingsChart.render(sites, result, ZoneOffset.UTC);
        Document document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(groups(document, "series"))
                .extracting(group -> group.getAttribute("data-site"))
                .containsExactly("a&<b>", "b");
        for (Element series : groups(document, "series")) {
            assertThat(series.getElementsByTagName("path").getLength()).isEqualTo(1);
        }
        List<Element> runs = groups(document, "runs");
        assertThat(runs)
                .extracting(group -> group.getAttribute("data-policy"))
                .containsExactly("forecast", "hindsight");
        for (Element policy : runs) {
            // the two batch runs, not the interactive slot
            assertThat(policy.getElementsByTagName("circle").getLength()).isEqualTo(2);
        }
        // the 5000 $/MWh hour lifts its day to (23 x 30 + 5000) / 24 = 237, far above the axis: drawn at
        // the edge, its value written
        assertThat(svg).contains("▲ 237");
        assertThat(svg).contains("$/MWh").contains("time the batch run started").contains("date the run started");
    }

    private static List<Element> groups(Document document, String cssClass) {
        NodeList all = document.getElementsByTagName("g");
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element group = (Element) all.item(i);
            if (group.getAttribute("class").equals(cssClass)) {
                found.add(group);
            }
        }
        return found;
    }
}
