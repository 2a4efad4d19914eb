package dev.clod.gateway.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one request cost, in US dollars.
 *
 * @param userPrice what the caller is charged, the routing fee included
 * @param providerCost what the upstream charges (or what serving it costs us, for hosted models)
 * @param routingFee the gateway's fee on proxied models; zero otherwise
 */
public record Cost(BigDecimal userPrice, BigDecimal providerCost, BigDecimal routingFee) {

    public static final Cost ZERO = new Cost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public Cost {
        Objects.requireNonNull(userPrice, "userPrice");
        Objects.requireNonNull(providerCost, "providerCost");
        Objects.requireNonNull(routingFee, "routingFee");
    }

    public Cost plus(Cost other) {
        return new Cost(
                userPrice.add(other.userPrice), providerCost.add(other.providerCost), routingFee.add(other.routingFee));
    }
}
