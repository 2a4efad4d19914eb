package dev.clod.gateway.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.api.Usage;
import dev.clod.gateway.catalog.Category;
import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.DeploymentPricing;
import dev.clod.gateway.catalog.ListPrice;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.catalog.Site;
import dev.clod.gateway.energy.EnergyProfile;
import dev.clod.gateway.energy.FixedCost;
import dev.clod.gateway.energy.SitePricing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request on an energy-priced deployment, billed at the board's price: the DESIGN example's
 * figures (0.004 / 0.035 kWh per 1M, fixed 0.02 / 0.05, margin 0.2, PUE 1.2) worked by hand.
 */
class EnergyPricedQuoteTest {

    private static final Site DALLAS = new Site("dallas", "ercot-north", new BigDecimal("1.2"));
    private static final SitePricing PRICING = new SitePricing(
            new EnergyProfile(new BigDecimal("0.004"), new BigDecimal("0.035")),
            new FixedCost(new BigDecimal("0.02"), new BigDecimal("0.05")),
            new BigDecimal("0.2"));

    @ParameterizedTest(name = "{0} at {1} $/MWh")
    @CsvSource({
        // category, lmp, user $ for 1M in + 1M out, provider $, kWh
        // at 50: in (0.004×1.2×0.05 + 0.02)×1.2 = 0.024288, out (0.035×1.2×0.05 + 0.05)×1.2 = 0.06252
        "HOSTED, 50, 0.086808, 0.086808, 0.0468",
        // a negative price floors the energy part: fixed × margin only
        "HOSTED, -20, 0.084, 0.084, 0.0468",
        // free: nothing to the caller, what it costs us still counted
        "FREE, 50, 0, 0.086808, 0.0468"
    })
    void billsTheBoardsPriceAndCountsTheSitesEnergy(
            Category category, String lmp, String user, String provider, String kwh) {
        Deployment deployment = new Deployment(
                "m/vllm", "m", "vllm", "m", "dallas", new DeploymentPricing.EnergyBased(DALLAS, PRICING));
        Model model = new Model("m", "m", List.of(), category, 1000, 100, Set.of(), List.of(deployment));
        ListPrice atSite = PRICING.priceAt(DALLAS.pue(), new BigDecimal(lmp));
        PriceBoard board = new PriceBoard(Instant.EPOCH, Instant.MAX, Map.of(), Map.of("m/vllm", atSite));

        PriceQuote quote = new Pricer().quote(board, model, deployment);
        Usage million = new Usage(1_000_000, 1_000_000, 0);

        assertThat(quote.costOf(million).userPrice()).isEqualByComparingTo(user);
        assertThat(quote.costOf(million).providerCost()).isEqualByComparingTo(provider);
        assertThat(quote.costOf(million).routingFee()).isEqualByComparingTo("0");
        // (0.004 + 0.035) × 1.2 kWh for a million tokens each way
        assertThat(quote.energyKwhOf(million)).isEqualByComparingTo(kwh);
        assertThat(quote.energyKwhOf(new Usage(1000, 250, 0))).isEqualByComparingTo("0.0000153");
    }
}
