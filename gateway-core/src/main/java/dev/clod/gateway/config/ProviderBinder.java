package dev.clod.gateway.config;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Binds the {@code providers} list. */
final class ProviderBinder {

    static final List<String> KEYS = List.of(
            "id",
            "kind",
            "base_url",
            "api_key",
            "site",
            "connect_timeout_ms",
            "timeout_ms",
            "headers",
            "ttft_ms",
            "tokens_per_second");

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /**
     * @param providers the providers that bound without a problem, by id, in configuration order
     * @param declared every id written, valid or not, so that a deployment naming a broken provider is
     *     not also reported as naming an unknown one
     */
    record Bound(Map<String, ProviderConfig> providers, Map<String, String> declared) {}

    private final Binding binding;

    ProviderBinder(Binding binding) {
        this.binding = binding;
    }

    Bound bind(List<Section.Item> items) {
        Map<String, ProviderConfig> providers = new LinkedHashMap<>();
        Map<String, String> declared = new LinkedHashMap<>();
        for (Section.Item item : items) {
            Section section = Section.open(binding, item.path(), item.node(), KEYS);
            if (section == null) {
                continue;
            }
            int before = binding.problems().size();
            String id = section.requiredText("id");
            if (id != null) {
                if (declared.containsKey(id)) {
                    binding.problem(section.path("id"), "duplicate id \"" + id + "\" (also " + declared.get(id) + ")");
                    id = null;
                } else {
                    declared.put(id, item.path());
                    if (!ID.matcher(id).matches()) {
                        binding.problem(section.path("id"), "\"" + id + "\" must match " + ID.pattern());
                    }
                }
            }
            ProviderConfig provider = provider(section, id);
            if (binding.problems().size() == before) {
                providers.put(id, provider);
            }
        }
        return new Bound(providers, declared);
    }

    private ProviderConfig provider(Section section, String id) {
        String kind = kind(section);
        boolean simulated = ProviderConfig.KIND_SIMULATED.equals(kind);
        boolean openai = ProviderConfig.KIND_OPENAI.equals(kind);

        // The vendors' own APIs have a known home and need a key; an OpenAI-compatible server has neither.
        String vendorDefault = defaultBaseUrl(kind);
        String baseUrl = null;
        if (openai || (vendorDefault != null && section.has("base_url"))) {
            baseUrl = baseUrl(section);
        } else if (vendorDefault != null) {
            baseUrl = vendorDefault;
        } else if (simulated) {
            notAllowed(section, "base_url", kind);
        }
        if (vendorDefault != null && !section.has("api_key")) {
            binding.problem(section.path("api_key"), "required for kind " + kind);
        }
        if (simulated) {
            notAllowed(section, "headers", kind);
        }
        if (!simulated && kind != null) {
            notAllowed(section, "ttft_ms", kind);
            notAllowed(section, "tokens_per_second", kind);
        }

        Long connectTimeout = section.whole("connect_timeout_ms", 1, Integer.MAX_VALUE);
        Long timeout = section.whole("timeout_ms", 1, Integer.MAX_VALUE);
        Long ttft = section.whole("ttft_ms", 0, Integer.MAX_VALUE);
        BigDecimal tokensPerSecond = section.decimal("tokens_per_second", false);
        return new ProviderConfig(
                id == null ? "" : id,
                kind == null ? "" : kind,
                baseUrl,
                // An unset key is not an error: the provider just cannot be used until it is set.
                section.text("api_key"),
                section.whyEmpty("api_key"),
                section.text("site"),
                connectTimeout == null ? ProviderConfig.DEFAULT_CONNECT_TIMEOUT : Duration.ofMillis(connectTimeout),
                timeout == null ? ProviderConfig.DEFAULT_TIMEOUT : Duration.ofMillis(timeout),
                simulated || kind == null ? Map.of() : headers(section),
                simulated ? (ttft == null ? ProviderConfig.DEFAULT_SIMULATED_TTFT : Duration.ofMillis(ttft)) : null,
                simulated
                        ? (tokensPerSecond == null
                                ? ProviderConfig.DEFAULT_SIMULATED_TOKENS_PER_SECOND
                                : tokensPerSecond.doubleValue())
                        : 0);
    }

    private String kind(Section section) {
        String kind = section.requiredText("kind");
        if (kind == null) {
            return null;
        }
        String wanted = kind.strip().toLowerCase(Locale.ROOT);
        if (ProviderConfig.KINDS.contains(wanted)) {
            return wanted;
        }
        String valid = " (valid kinds: " + String.join(", ", ProviderConfig.KINDS) + ")";
        binding.problem(section.path("kind"), "unknown kind \"" + kind + "\"" + valid);
        return null;
    }

    private static String defaultBaseUrl(String kind) {
        if (ProviderConfig.KIND_ANTHROPIC.equals(kind)) {
            return ProviderConfig.DEFAULT_ANTHROPIC_BASE_URL;
        }
        if (ProviderConfig.KIND_GEMINI.equals(kind)) {
            return ProviderConfig.DEFAULT_GEMINI_BASE_URL;
        }
        return null;
    }

    private String baseUrl(Section section) {
        String text = section.requiredText("base_url");
        if (text == null) {
            return null;
        }
        String url = text.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                binding.problem(section.path("base_url"), "expected an http(s) URL with a host, got \"" + text + "\"");
                return null;
            }
        } catch (URISyntaxException e) {
            binding.problem(section.path("base_url"), "expected an http(s) URL, got \"" + text + "\"");
            return null;
        }
        // Adapters append paths such as /chat/completions; one slash between the two parts.
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    private Map<String, String> headers(Section section) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Section.Item entry : section.entries("headers")) {
            if (!HEADER_NAME.matcher(entry.key()).matches()) {
                binding.problem(entry.path(), "\"" + entry.key() + "\" is not a valid HTTP header name");
                continue;
            }
            String value = binding.requiredText(entry.path(), entry.node());
            if (value != null) {
                headers.put(entry.key(), value);
            }
        }
        return headers;
    }

    private void notAllowed(Section section, String key, String kind) {
        if (section.has(key)) {
            binding.problem(section.path(key), "not allowed for kind " + kind);
        }
    }
}
