package dev.clod.gateway.config;

import dev.clod.gateway.catalog.Site;
import dev.clod.gateway.energy.CsvTraceReader;
import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.TraceFormatException;
import dev.clod.gateway.energy.TraceKey;
import dev.clod.gateway.pricing.FeedPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Binds {@code sites} and {@code energy}: reads every trace file now, so that a malformed row, or a
 * site whose grid location no feed prices, stops the start with the file, line and path named.
 */
final class EnergyBinder {

    static final List<String> SITE_KEYS = List.of("id", "grid_location", "pue");
    static final List<String> ENERGY_KEYS = List.of("feeds", "clock", "max_age_minutes", "fallback_usd_per_mwh");
    static final List<String> CLOCK_KEYS = List.of("replay_start", "speed");
    static final List<String> FEED_KEYS =
            List.of("kind", "path", "locations", "url", "poll_seconds", "retention_days", "headers", "prices");
    static final List<String> FEED_KINDS = List.of("csv", "shipped", "http", "fixed");

    static final long DEFAULT_POLL_SECONDS = 300;
    static final long DEFAULT_RETENTION_DAYS = 8;

    private final Binding binding;
    private final Path baseDirectory;
    /** Where each site was declared, for messages about it. */
    private final Map<String, String> sitePaths = new HashMap<>();

    /** @param baseDirectory what relative trace paths are relative to: the configuration file's folder */
    EnergyBinder(Binding binding, Path baseDirectory) {
        this.binding = binding;
        this.baseDirectory = baseDirectory;
    }

    /** The sites by id, in file order. */
    Map<String, Site> sites(List<Section.Item> items) {
        Map<String, Site> sites = new LinkedHashMap<>();
        for (Section.Item item : items) {
            Section section = Section.open(binding, item.path(), item.node(), SITE_KEYS);
            if (section == null) {
                continue;
            }
            String id = section.requiredText("id");
            if (id != null && !ProviderBinder.ID.matcher(id).matches()) {
                binding.problem(section.path("id"), "\"" + id + "\" must match " + ProviderBinder.ID.pattern());
                id = null;
            }
            if (id != null && sitePaths.putIfAbsent(id, section.path()) != null) {
                binding.problem(
                        section.path("id"), "duplicate site id \"" + id + "\" (also " + sitePaths.get(id) + ")");
                id = null;
            }
            String location = section.requiredText("grid_location");
            BigDecimal pue = section.requiredDecimal("pue", false);
            if (pue != null && pue.compareTo(BigDecimal.ONE) < 0) {
                binding.problem(
                        section.path("pue"),
                        "must be at least 1 (a site uses at least what its servers do), got " + pue);
                pue = null;
            }
            if (id != null && location != null && pue != null) {
                sites.put(id, new Site(id, location.strip(), pue));
            }
        }
        return sites;
    }

    EnergySettings energy(Section section, Map<String, Site> sites) {
        if (section == null) {
            checkPriced(sites, Map.of(), "energy.feeds");
            return EnergySettings.NONE;
        }
        List<FeedSpec> feeds = new ArrayList<>();
        Map<String, String> pricedBy = new TreeMap<>();
        for (Section.Item item : section.list("feeds")) {
            FeedSpec feed = feed(item);
            if (feed == null) {
                continue;
            }
            for (String location : feed.locations()) {
                String previous = pricedBy.putIfAbsent(location, item.path());
                if (previous != null) {
                    binding.problem(item.path(), "location \"" + location + "\" is already priced by " + previous);
                }
            }
            feeds.add(feed);
        }
        checkPriced(sites, pricedBy, section.path("feeds"));
        EnergySettings.Replay replay = replay(section.section("clock", CLOCK_KEYS));
        Long maxAgeMinutes = section.whole("max_age_minutes", 0, 10_000_000);
        BigDecimal fallback = section.decimal("fallback_usd_per_mwh", true);
        FeedPolicy policy = new FeedPolicy(
                maxAgeMinutes == null ? FeedPolicy.DEFAULT_MAX_AGE : Duration.ofMinutes(maxAgeMinutes),
                fallback == null ? FeedPolicy.DEFAULT_FALLBACK_USD_PER_MWH : fallback);
        return new EnergySettings(feeds, replay, policy);
    }

    private void checkPriced(Map<String, Site> sites, Map<String, String> pricedBy, String feedsPath) {
        for (Site site : sites.values()) {
            if (!pricedBy.containsKey(site.gridLocation())) {
                binding.problem(
                        sitePaths.get(site.id()) + ".grid_location",
                        "unknown location \"" + site.gridLocation() + "\": no energy feed prices it (" + feedsPath
                                + " price: " + (pricedBy.isEmpty() ? "nothing" : String.join(", ", pricedBy.keySet()))
                                + ")");
            }
        }
    }

    private EnergySettings.Replay replay(Section clock) {
        if (clock == null) {
            return null;
        }
        String start = clock.requiredText("replay_start");
        Instant instant = null;
        if (start != null) {
            try {
                instant = Instant.parse(start.strip());
            } catch (DateTimeParseException e) {
                binding.problem(
                        clock.path("replay_start"),
                        "expected an ISO-8601 UTC instant such as 2024-08-10T00:00:00Z, got \"" + start + "\"");
            }
        }
        BigDecimal speed = clock.decimal("speed", false);
        if (speed != null && speed.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            binding.problem(clock.path("speed"), "must be at most 1000000, got " + speed);
            speed = null;
        }
        return instant == null ? null : new EnergySettings.Replay(instant, speed == null ? 1 : speed.doubleValue());
    }

    private FeedSpec feed(Section.Item item) {
        Section section = Section.open(binding, item.path(), item.node(), FEED_KEYS);
        if (section == null) {
            return null;
        }
        if (section.requiredText("kind") == null) {
            return null;
        }
        String kind = section.oneOf("kind", "feed kind", FEED_KINDS);
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "csv" -> csv(section);
            case "shipped" -> shipped(section);
            case "http" -> http(section);
            default -> fixed(section);
        };
    }

    private FeedSpec csv(Section section) {
        String text = section.requiredText("path");
        if (text == null) {
            return null;
        }
        Path file = baseDirectory == null ? Path.of(text.strip()) : baseDirectory.resolve(text.strip());
        try (InputStream in = Files.newInputStream(file)) {
            Map<TraceKey, PriceTrace> traces = CsvTraceReader.read(in, text.strip());
            return new FeedSpec.Traces(text.strip(), only(section, traces));
        } catch (TraceFormatException e) {
            binding.problem(section.path("path"), e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            binding.problem(section.path("path"), "cannot read the trace file " + file + ": " + e.getMessage());
        }
        return null;
    }

    private FeedSpec shipped(Section section) {
        return new FeedSpec.Traces("shipped", only(section, CsvTraceReader.shipped()));
    }

    /** The traces of the locations the feed lists, or all when it lists none. */
    private Map<TraceKey, PriceTrace> only(Section section, Map<TraceKey, PriceTrace> traces) {
        Set<String> wanted = locations(section);
        if (wanted.isEmpty()) {
            return traces;
        }
        Set<String> available = new TreeSet<>();
        traces.keySet().forEach(key -> available.add(key.location()));
        for (String location : wanted) {
            if (!available.contains(location)) {
                binding.problem(
                        section.path("locations"),
                        "unknown location \"" + location + "\" (this feed has: " + String.join(", ", available) + ")");
            }
        }
        Map<TraceKey, PriceTrace> kept = new TreeMap<>();
        traces.forEach((key, trace) -> {
            if (wanted.contains(key.location())) {
                kept.put(key, trace);
            }
        });
        return kept;
    }

    private Set<String> locations(Section section) {
        Set<String> locations = new TreeSet<>();
        for (Section.Item item : section.list("locations")) {
            String location = binding.requiredText(item.path(), item.node());
            if (location != null) {
                locations.add(location.strip());
            }
        }
        return locations;
    }

    private FeedSpec http(Section section) {
        String text = section.requiredText("url");
        URI url = null;
        if (text != null) {
            try {
                url = new URI(text.strip());
                if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                    binding.problem(section.path("url"), "must be an http(s) URL, got \"" + text + "\"");
                    url = null;
                }
            } catch (URISyntaxException e) {
                binding.problem(section.path("url"), "not a URL: " + e.getMessage());
            }
        }
        Set<String> locations = locations(section);
        if (locations.isEmpty()) {
            binding.problem(section.path("locations"), "an http feed lists the locations it prices");
        }
        Long poll = section.whole("poll_seconds", 1, 86_400);
        Long retention = section.whole("retention_days", 1, 366);
        Map<String, String> headers = new LinkedHashMap<>();
        for (Section.Item header : section.entries("headers")) {
            String value = binding.requiredText(header.path(), header.node());
            if (value != null) {
                headers.put(header.key(), value);
            }
        }
        if (url == null || locations.isEmpty()) {
            return null;
        }
        return new FeedSpec.Http(
                url,
                locations,
                Duration.ofSeconds(poll == null ? DEFAULT_POLL_SECONDS : poll),
                Duration.ofDays(retention == null ? DEFAULT_RETENTION_DAYS : retention),
                headers);
    }

    private FeedSpec fixed(Section section) {
        Map<String, BigDecimal> prices = new TreeMap<>();
        for (Section.Item entry : section.entries("prices")) {
            BigDecimal price = binding.decimal(entry.path(), entry.node(), true);
            if (price != null) {
                prices.put(entry.key(), price);
            }
        }
        if (prices.isEmpty()) {
            binding.problem(section.path("prices"), "a fixed feed maps at least one location to its $/MWh");
            return null;
        }
        return new FeedSpec.Fixed(prices);
    }
}
