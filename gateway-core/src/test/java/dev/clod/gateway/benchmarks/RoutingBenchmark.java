package dev.clod.gateway.benchmarks;

import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.ListPrice;
import dev.clod.gateway.routing.Candidate;
import dev.clod.gateway.routing.ModelSelector;
import dev.clod.gateway.routing.Objective;
import dev.clod.gateway.routing.RouteDecision;
import dev.clod.gateway.routing.Router;
import dev.clod.gateway.routing.RouterSettings;
import dev.clod.gateway.routing.Strategy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one routing decision and of parsing a model string, the work every request does before
 * an upstream is called. DESIGN's figure: a decision over 100 candidates in at most 2 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingBenchmark {

    @Param({"3", "100"})
    int candidates;

    private Router router;
    private List<Candidate> list;
    private final Strategy price = Strategy.of(Objective.PRICE);
    private final Strategy all = Strategy.of(Objective.PRICE, Objective.LATENCY, Objective.TOKEN_RATE);

    @Setup
    public void setUp() {
        router = new Router(Clock.systemUTC(), RouterSettings.defaults());
        list = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            String id = "model/provider-" + i;
            Deployment deployment = new Deployment(id, "model", "provider-" + i, "upstream", null, ListPrice.FREE);
            list.add(new Candidate(deployment, BigDecimal.valueOf(1_000 + (i * 7919L) % 1_000, 9)));
            router.recordSuccess(
                    id, Duration.ofMillis(20 + (i * 31L) % 400), 100, Duration.ofMillis(200 + (i * 17L) % 800));
        }
    }

    @Benchmark
    public RouteDecision routeByPrice() {
        return router.route(list, price);
    }

    @Benchmark
    public RouteDecision routeByAllThree() {
        return router.route(list, all);
    }

    @Benchmark
    public Object parseModelString() {
        return ModelSelector.parse("Llama 3.1 8B@latency@price");
    }
}
