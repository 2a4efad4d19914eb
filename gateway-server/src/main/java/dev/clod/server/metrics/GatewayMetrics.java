package dev.clod.server.metrics;

import dev.clod.gateway.Gateway;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.engine.AttemptEvents;
import dev.clod.gateway.market.SiteQuote;
import dev.clod.gateway.pricing.PriceStatus;
import dev.clod.gateway.pricing.SitePrice;
import dev.clod.gateway.usage.JdbcUsageLedger;
import dev.clod.gateway.usage.UsageRecord;
import dev.clod.gateway.usage.UsageSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.ToDoubleFunction;

/**
 * The gateway's figures for Prometheus: every request by model, deployment and status, its latency and
 * time to first token as histograms, tokens, cost and energy; failed attempts by failure class and the
 * fallbacks they caused; how far the usage ledger lags; and, per site, its electricity price and how
 * old the price and its feed's last delivery are.
 *
 * <p>Counting happens in a usage sink and an attempt listener: a few map lookups per request, no I/O.
 */
public final class GatewayMetrics implements UsageSink, AttemptEvents {

    private static final Duration[] LATENCY_SLOS = {
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofSeconds(60)
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** Registers the gauges and starts listening to the gateway. */
    public GatewayMetrics(Gateway gateway, JdbcUsageLedger ledger, Clock wall) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("clod_ledger_pending_records", ledger, JdbcUsageLedger::pendingRecords)
                .description("Usage records accepted but not yet committed to the ledger")
                .register(registry);
        Gauge.builder("clod_ledger_lag_seconds", ledger, l -> l.lag().toNanos() / 1e9)
                .description("Age of the oldest usage record not yet committed")
                .register(registry);
        for (SiteQuote site : gateway.energy().sites()) {
            String id = site.price().site().id();
            siteGauge(
                    gateway,
                    id,
                    "clod_energy_price_usd_per_mwh",
                    "The site's wholesale electricity price now",
                    price -> price.usdPerMwh().doubleValue());
            siteGauge(
                    gateway,
                    id,
                    "clod_energy_price_age_seconds",
                    "Energy-clock time since the site's current price took effect",
                    price -> Duration.between(
                                            price.since(),
                                            gateway.energy().clock().instant())
                                    .toMillis()
                            / 1e3);
            for (PriceStatus status : PriceStatus.values()) {
                Gauge.builder(
                                "clod_energy_price_status",
                                gateway,
                                g -> current(g, id).status() == status ? 1 : 0)
                        .description("1 for the site's current price status (live, stale, fallback)")
                        .tag("site", id)
                        .tag("status", status.wireName())
                        .register(registry);
            }
            Gauge.builder("clod_energy_feed_last_success_age_seconds", gateway, g -> feedAge(g, id, wall))
                    .description("Wall-clock time since the site's feed last delivered prices")
                    .tag("site", id)
                    .register(registry);
        }
        gateway.addUsageSink(this);
        gateway.addAttemptListener(this);
    }

    private void siteGauge(Gateway gateway, String site, String name, String help, ToDoubleFunction<SitePrice> value) {
        Gauge.builder(name, gateway, g -> value.applyAsDouble(current(g, site)))
                .description(help)
                .tag("site", site)
                .register(registry);
    }

    private static SitePrice current(Gateway gateway, String site) {
        return gateway.energy().board().sites().get(site);
    }

    private static double feedAge(Gateway gateway, String site, Clock wall) {
        for (SiteQuote quote : gateway.energy().sites()) {
            if (quote.price().site().id().equals(site)) {
                Instant last = quote.feedHealth().lastSuccess();
                return last == null
                        ? Double.NaN
                        : Duration.between(last, wall.instant()).toMillis() / 1e3;
            }
        }
        return Double.NaN;
    }

    /** The registry, for tests and further binders. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Everything in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public CompletionStage<Void> record(UsageRecord record) {
        String model = orNone(record.model());
        String deployment = orNone(record.deploymentId());
        Counter.builder("clod_requests")
                .description("Requests answered or refused after routing, by final status")
                .tag("model", model)
                .tag("deployment", deployment)
                .tag("status", Integer.toString(record.status()))
                .tag("stream", Boolean.toString(record.stream()))
                .register(registry)
                .increment();
        Timer.builder("clod_request_duration")
                .description("Time from the request to the last byte of its answer")
                .tag("model", model)
                .tag("deployment", deployment)
                .serviceLevelObjectives(LATENCY_SLOS)
                .register(registry)
                .record(record.duration());
        if (record.timeToFirstToken() != null) {
            Timer.builder("clod_time_to_first_token")
                    .description("Time from the request to the first token the client saw")
                    .tag("model", model)
                    .tag("deployment", deployment)
                    .serviceLevelObjectives(LATENCY_SLOS)
                    .register(registry)
                    .record(record.timeToFirstToken());
        }
        if (record.usage().promptTokens() > 0 || record.usage().completionTokens() > 0) {
            tokens(model, deployment, "prompt", record.usage().promptTokens());
            tokens(model, deployment, "completion", record.usage().completionTokens());
        }
        if (record.cost().userPrice().signum() > 0) {
            Counter.builder("clod_cost_usd")
                    .description("What callers were charged, routing fees included")
                    .tag("model", model)
                    .tag("deployment", deployment)
                    .register(registry)
                    .increment(record.cost().userPrice().doubleValue());
        }
        if (record.energyKwh() != null && record.energyKwh().signum() > 0) {
            Counter.builder("clod_energy_kwh")
                    .description("Electricity used at the sites, their PUE included")
                    .tag("model", model)
                    .tag("deployment", deployment)
                    .tag("site", orNone(record.site()))
                    .register(registry)
                    .increment(record.energyKwh().doubleValue());
        }
        return CompletableFuture.completedFuture(null);
    }

    private void tokens(String model, String deployment, String kind, int count) {
        Counter.builder("clod_tokens")
                .description("Tokens processed, by kind")
                .tag("model", model)
                .tag("deployment", deployment)
                .tag("kind", kind)
                .register(registry)
                .increment(count);
    }

    @Override
    public void attemptFailed(String deploymentId, FailureClass failureClass) {
        Counter.builder("clod_upstream_errors")
                .description("Failed calls to a deployment, by failure class")
                .tag("deployment", deploymentId)
                .tag("class", failureClass.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
    }

    @Override
    public void fellBack(String fromDeploymentId, String toDeploymentId) {
        Counter.builder("clod_fallbacks")
                .description("Requests that moved on from a failed deployment to the next")
                .tag("from", fromDeploymentId)
                .tag("to", toDeploymentId)
                .register(registry)
                .increment();
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }
}
