package dev.clod.camel.energy;

import dev.clod.camel.ClodConstants;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.camel.Message;

/** The {@code CamelClod*} headers {@code clod:prices} writes. */
final class PriceHeaders {

    private static final String[] WRITTEN = {
        ClodConstants.SITE, ClodConstants.USD_PER_MWH, ClodConstants.PRICE_STATUS, ClodConstants.PRICED_AT
    };

    private PriceHeaders() {}

    /** Removes what an earlier step wrote, so no header tells of another call. */
    static void clear(Message message) {
        for (String header : WRITTEN) {
            message.removeHeader(header);
        }
    }

    static void site(Message message, String site, BigDecimal usdPerMwh, String status, Instant pricedAt) {
        message.setHeader(ClodConstants.SITE, site);
        message.setHeader(ClodConstants.USD_PER_MWH, usdPerMwh);
        message.setHeader(ClodConstants.PRICE_STATUS, status);
        pricedAt(message, pricedAt);
    }

    static void pricedAt(Message message, Instant pricedAt) {
        message.setHeader(ClodConstants.PRICED_AT, pricedAt.toString());
    }
}
