package dev.clod.gateway.testing;

import static java.util.Map.entry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An oracle for tests: reads the shipped CSV traces line by line, independently of the gateway's own
 * trace reader, and says which demo site has the lowest electricity price at the site's meter
 * ({@code pue × max(0, lmp)}) at an instant. Deployments of one demo model share their energy profile,
 * fixed cost and margin, so that site is also where the model is cheapest.
 */
public final class ShippedPrices {

    /** The demo catalog's sites: grid location and PUE. */
    public static final Map<String, Map.Entry<String, BigDecimal>> DEMO_SITES = Map.ofEntries(
            entry("dallas", entry("ercot-north", new BigDecimal("1.25"))),
            entry("los-angeles", entry("caiso-sp15", new BigDecimal("1.2"))),
            entry("chicago", entry("miso-illinois", new BigDecimal("1.3"))),
            entry("new-york", entry("nyiso-nyc", new BigDecimal("1.4"))),
            entry("boston", entry("isone-hub", new BigDecimal("1.35"))),
            entry("tulsa", entry("spp-south", new BigDecimal("1.2"))));

    private static final Map<String, NavigableMap<Instant, BigDecimal>> REAL_TIME = new TreeMap<>();

    private ShippedPrices() {}

    /** The real-time price in effect at the instant: the last row at or before it. */
    public static synchronized BigDecimal usdPerMwh(String location, Instant at) {
        NavigableMap<Instant, BigDecimal> rows = REAL_TIME.computeIfAbsent(location, ShippedPrices::read);
        Map.Entry<Instant, BigDecimal> row = rows.floorEntry(at);
        if (row == null) {
            throw new IllegalArgumentException("no price for " + location + " at " + at);
        }
        return row.getValue();
    }

    /** The site among these whose meter price is lowest at the instant. */
    public static String cheapestSite(List<String> sites, Instant at) {
        return sites.stream()
                .min(Comparator.comparing((String site) -> meterPrice(site, at)))
                .orElseThrow();
    }

    /** {@code pue × max(0, lmp)} at the site. */
    public static BigDecimal meterPrice(String site, Instant at) {
        Map.Entry<String, BigDecimal> where = DEMO_SITES.get(site);
        return where.getValue().multiply(usdPerMwh(where.getKey(), at).max(BigDecimal.ZERO));
    }

    private static NavigableMap<Instant, BigDecimal> read(String location) {
        String resource = "/dev/clod/gateway/energy/data/" + location + ".csv";
        NavigableMap<Instant, BigDecimal> rows = new TreeMap<>();
        try (InputStream in = ShippedPrices.class.getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",");
                if (fields.length == 4 && fields[2].equals("rt")) {
                    rows.put(Instant.parse(fields[0]), new BigDecimal(fields[3]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
