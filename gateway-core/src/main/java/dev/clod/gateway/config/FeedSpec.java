package dev.clod.gateway.config;

import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.TraceKey;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** One energy feed as configured. Trace files are read while the configuration loads, so a bad row stops the start. */
public sealed interface FeedSpec {

    /** The grid locations the feed prices. */
    Set<String> locations();

    /**
     * Prices replayed from traces: a CSV file in the shared schema, or the traces shipped with the
     * gateway.
     *
     * @param name the file or {@code shipped}
     */
    record Traces(String name, Map<TraceKey, PriceTrace> traces) implements FeedSpec {
        public Traces {
            traces = Collections.unmodifiableMap(new TreeMap<>(traces));
        }

        @Override
        public Set<String> locations() {
            Set<String> locations = new TreeSet<>();
            traces.keySet().forEach(key -> locations.add(key.location()));
            return Collections.unmodifiableSet(locations);
        }
    }

    /** Prices polled from an HTTP endpoint returning JSON. */
    record Http(URI url, Set<String> locations, Duration pollInterval, Duration retention, Map<String, String> headers)
            implements FeedSpec {
        public Http {
            locations = Collections.unmodifiableSet(new TreeSet<>(locations));
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        @Override
        public String toString() {
            return "Http[" + url + ", " + locations + ", every " + pollInterval + ", headers=" + headers.keySet() + "]";
        }
    }

    /** A constant price per location, in $/MWh. */
    record Fixed(Map<String, BigDecimal> usdPerMwh) implements FeedSpec {
        public Fixed {
            usdPerMwh = Collections.unmodifiableMap(new TreeMap<>(usdPerMwh));
        }

        @Override
        public Set<String> locations() {
            return usdPerMwh.keySet();
        }
    }
}
