package dev.clod.camel.energy;

import dev.clod.gateway.catalog.ListPrice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * A gateway whose answers a test sets: the model's price at one site, the windows it proposes (or the
 * failure instead), and price changes fired by hand on the test's thread.
 */
final class StubEnergy implements EnergyClient {

    static final String MODEL = "llama-3.1-8b";

    /** One call of {@link #windows}. */
    record WindowQuestion(Instant askedAt, Duration length, Instant deadline) {}

    private final MutableClock clock;
    private final List<WindowQuestion> questions = new ArrayList<>();
    private final List<Consumer<PriceUpdate>> listeners = new ArrayList<>();
    private List<EnergyWindow> windows = List.of();
    private RuntimeException windowFailure;
    private BigDecimal usdPerMwh = new BigDecimal("40");

    StubEnergy(MutableClock clock) {
        this.clock = clock;
    }

    /** Proposes one window at the site {@code dallas} from now on. */
    void proposes(Instant start, Instant end, String usdPerMwh) {
        BigDecimal price = new BigDecimal(usdPerMwh);
        windows = List.of(
                new EnergyWindow(start, end, "dallas", MODEL + "/sim-dallas", price, priceFor(price), "day_ahead"));
        windowFailure = null;
    }

    void proposesNothing() {
        windows = List.of();
        windowFailure = null;
    }

    void failsToPlan(RuntimeException failure) {
        windowFailure = failure;
    }

    /** Sets the price at the model's cheapest site and tells every watcher, as the market would. */
    void priceChangesTo(String usdPerMwh) {
        this.usdPerMwh = new BigDecimal(usdPerMwh);
        PriceUpdate update = new PriceUpdate(clock.instant(), List.of(site()));
        List.copyOf(listeners).forEach(listener -> listener.accept(update));
    }

    List<WindowQuestion> questions() {
        return List.copyOf(questions);
    }

    int watchers() {
        return listeners.size();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public double speed() {
        return 1;
    }

    @Override
    public EnergySnapshot sites() {
        return new EnergySnapshot(clock.instant(), List.of(site()));
    }

    @Override
    public ModelPrices modelPrices(String model) {
        return ModelPrices.of(model, sites());
    }

    @Override
    public PriceHistory history(String model, String window) {
        throw new UnsupportedOperationException("not asked by the policy");
    }

    @Override
    public List<EnergyWindow> windows(String model, Duration length, Instant deadline, int count) {
        questions.add(new WindowQuestion(clock.instant(), length, deadline));
        if (windowFailure != null) {
            throw windowFailure;
        }
        return windows;
    }

    @Override
    public String modelId(String model) {
        return model;
    }

    @Override
    public void checkModel(String model) {
        if (!MODEL.equals(model)) {
            throw new IllegalArgumentException("unknown model " + model);
        }
    }

    @Override
    public Watch watch(Consumer<PriceUpdate> listener, ScheduledExecutorService executor, Duration pollInterval) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private SitePrices site() {
        return new SitePrices(
                "dallas",
                "ercot-north",
                new BigDecimal("1.25"),
                usdPerMwh,
                "live",
                clock.instant(),
                "stub",
                null,
                List.of(new SiteModelPrice(MODEL, MODEL + "/sim-dallas", priceFor(usdPerMwh))));
    }

    /** Any price that grows with the electricity price will do for the policy. */
    private static ListPrice priceFor(BigDecimal usdPerMwh) {
        BigDecimal energy = usdPerMwh.max(BigDecimal.ZERO).movePointLeft(5);
        return new ListPrice(new BigDecimal("0.01").add(energy), new BigDecimal("0.02").add(energy));
    }
}
