package dev.clod.gateway.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One upstream API as configured.
 *
 * @param kind {@value #KIND_OPENAI}, {@value #KIND_ANTHROPIC}, {@value #KIND_GEMINI} or {@value
 *     #KIND_SIMULATED}
 * @param baseUrl the http(s) base URL without a trailing slash, e.g. {@code https://api.openai.com/v1};
 *     for {@code anthropic} and {@code gemini} the vendor's API root unless configured; null for
 *     {@code simulated}
 * @param apiKey the resolved key, or null when none is configured or its variable is unset
 * @param missingApiKey why an {@code api_key} that is configured came out empty ({@code
 *     ${OPENAI_API_KEY} is not set}); null when the key has a value or none is configured (a local
 *     server that needs none). A provider whose key is missing is listed but never routed to.
 * @param site the data center label, or null
 * @param connectTimeout time allowed to open a connection
 * @param timeout time allowed until the first response byte
 * @param headers extra HTTP headers sent on every request to an HTTP upstream, in configuration order
 * @param simulatedTtft for {@code simulated}: time to first token; null for other kinds
 * @param simulatedTokensPerSecond for {@code simulated}: output token rate; 0 for other kinds
 */
public record ProviderConfig(
        String id,
        String kind,
        String baseUrl,
        String apiKey,
        String missingApiKey,
        String site,
        Duration connectTimeout,
        Duration timeout,
        Map<String, String> headers,
        Duration simulatedTtft,
        double simulatedTokensPerSecond) {

    public static final String KIND_OPENAI = "openai";
    public static final String KIND_ANTHROPIC = "anthropic";
    public static final String KIND_GEMINI = "gemini";
    public static final String KIND_SIMULATED = "simulated";

    /** The kinds this release can run. */
    public static final List<String> KINDS = List.of(KIND_OPENAI, KIND_ANTHROPIC, KIND_GEMINI, KIND_SIMULATED);

    /** Where an {@code anthropic} provider calls when no {@code base_url} is configured. */
    public static final String DEFAULT_ANTHROPIC_BASE_URL = "https://api.anthropic.com";

    /** Where a {@code gemini} provider calls when no {@code base_url} is configured. */
    public static final String DEFAULT_GEMINI_BASE_URL = "https://generativelanguage.googleapis.com";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(5_000);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(60_000);
    public static final Duration DEFAULT_SIMULATED_TTFT = Duration.ofMillis(200);
    public static final double DEFAULT_SIMULATED_TOKENS_PER_SECOND = 50;

    public ProviderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(timeout, "timeout");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public boolean isSimulated() {
        return KIND_SIMULATED.equals(kind);
    }

    @Override
    public String toString() {
        // Records print every component; the key and headers may hold secrets.
        return "ProviderConfig[id=" + id + ", kind=" + kind + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null ? "none" : "***") + ", site=" + site + ", headers=" + headers.keySet() + "]";
    }
}
