package dev.clod.gateway.benchmarks;

import dev.clod.gateway.CallOptions;
import dev.clod.gateway.Gateway;
import dev.clod.gateway.config.ConfigLoader;
import dev.clod.gateway.pricing.PriceBoard;
import dev.clod.gateway.routing.RouteDecision;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole planning of a request on the demo catalog, as the engine does it before calling an
 * upstream: parse the model string, read the live price board (the replay clock's instant included),
 * price each energy-priced candidate for this request, and rank them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlanningBenchmark {

    private Gateway gateway;
    private final CallOptions options = CallOptions.of("bench");

    @Setup
    public void setUp() {
        gateway = Gateway.create(ConfigLoader.embeddedDefault(Map.of()), Clock.systemUTC());
    }

    @TearDown
    public void tearDown() {
        gateway.close();
    }

    @Benchmark
    public PriceBoard readTheBoard() {
        return gateway.energy().board();
    }

    @Benchmark
    public RouteDecision planLlamaByPrice() {
        return gateway.explain("llama-3.1-8b@price", options);
    }
}
