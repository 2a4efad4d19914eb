package dev.clod.camel.energy;

import dev.clod.camel.ClodComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a route's consumer suspended while electricity is dear and resumes it when it is cheap, so that
 * batch work runs at a low price and still finishes by its deadline. The messages wait in their durable
 * source (a directory, a queue) while the consumer is suspended; the policy never holds an exchange.
 *
 * <p>Two ways to decide, by the options given:
 *
 * <ul>
 *   <li><b>Windows</b> ({@code model}, {@code duration}, {@code deadline}): for each deadline, the policy
 *       asks the gateway for the cheapest window of {@code duration} that ends by it, resumes the
 *       consumer when the window starts and suspends it when the window ends, then plans for the next
 *       deadline. If the gateway proposes no window or cannot be asked, the consumer resumes at the
 *       latest start that still meets the deadline ({@code deadline − duration}), and the reason is
 *       logged. With a daily deadline this repeats every day; with a fixed instant there is one cycle,
 *       after which the consumer keeps consuming, so nothing arriving later waits without a deadline.
 *   <li><b>Ceiling</b> ({@code model} and {@code maxUsdPerMwh}, {@code maxInputPricePer1m} and/or
 *       {@code maxOutputPricePer1m}): the consumer runs while the model's cheapest site is at or below
 *       every ceiling given, and is suspended above. The price is read at start and on every price
 *       change. With a {@code deadline} and {@code duration}, it also runs from the latest start before
 *       each deadline until the deadline, whatever the price.
 * </ul>
 *
 * <p>Time is the energy clock of the {@code clod} component's gateway: the embedded market's (a replay
 * of past prices in the demo catalog), or the server's {@code as_of} in remote mode. A daily deadline is
 * read in {@code zone} (UTC unless set) unless it names its own. The policy starts when its first route
 * starts, suspending the consumer in the same step that started it (before a scheduled consumer's
 * first poll), and stops when its last route stops; one policy may govern several routes, which then
 * consume together.
 *
 * <pre>{@code
 * CheapEnergyRoutePolicy cheap = new CheapEnergyRoutePolicy()
 *         .model("llama-3.1-8b")
 *         .duration(Duration.ofHours(2))
 *         .deadline(Deadline.daily(LocalTime.of(8, 0), ZoneId.of("Europe/Paris")));
 * from("file:inbox").routePolicy(cheap).to("clod:chat?model=llama-3.1-8b@price").to("file:outbox");
 * }</pre>
 */
public class CheapEnergyRoutePolicy extends RoutePolicySupport {

    private static final Logger LOG = LoggerFactory.getLogger(CheapEnergyRoutePolicy.class);

    /** The longest wall-clock wait before the timer reads the energy clock again. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private String model;
    private String duration;
    private String deadline;
    private String zone = "UTC";
    private String maxUsdPerMwh;
    private String maxInputPricePer1m;
    private String maxOutputPricePer1m;
    private String pollInterval = "60s";
    private String component = "clod";
    private EnergyClient energy;
    private EnergyTimer timer;

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Set<EnergyTimer.Scheduled> scheduled = new HashSet<>();
    private PolicySettings settings;
    private EnergyClient client;
    private EnergyTimer activeTimer;
    private CamelContext context;
    private ScheduledExecutorService executor;
    private EnergyClient.Watch watch;
    private boolean active;
    private Boolean consuming;
    private Instant lastDeadline;
    private Instant cycleDeadline;
    private EnergyPlan plan;

    // ---- the route's life

    /** Checks the options and the model once, so that a mistake stops the route from starting. */
    @Override
    public void onInit(Route route) {
        super.onInit(route);
        synchronized (this) {
            if (settings == null) {
                PolicySettings read = PolicySettings.read(
                        model,
                        duration,
                        deadline,
                        zone,
                        maxUsdPerMwh,
                        maxInputPricePer1m,
                        maxOutputPricePer1m,
                        pollInterval);
                EnergyClient resolved = energy != null ? energy : clientOf(route.getCamelContext());
                resolved.checkModel(read.model());
                settings = read;
                client = resolved;
            }
            if (!routes.contains(route)) {
                routes.add(route);
            }
        }
    }

    @Override
    public void onStart(Route route) {
        synchronized (this) {
            if (!routes.contains(route)) {
                routes.add(route);
            }
            if (!active) {
                activate(route.getCamelContext());
            } else if (consuming != null) {
                apply(route, consuming);
            }
        }
    }

    @Override
    public void onStop(Route route) {
        leave(route);
    }

    @Override
    public void onRemove(Route route) {
        leave(route);
    }

    private synchronized void leave(Route route) {
        routes.remove(route);
        if (routes.isEmpty() && active) {
            deactivate();
        }
    }

    private ClodComponent componentOf(CamelContext context) {
        Component found = context.getComponent(component);
        if (!(found instanceof ClodComponent clod)) {
            throw PolicySettings.invalid(
                    "component", "'" + component + "' is not a clod component in this Camel context");
        }
        return clod;
    }

    private EnergyClient clientOf(CamelContext context) {
        ClodComponent clod = componentOf(context);
        return clod.energy(clod.getConfiguration());
    }

    private void activate(CamelContext camelContext) {
        context = camelContext;
        active = true;
        consuming = null;
        lastDeadline = null;
        executor = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "CheapEnergyRoutePolicy");
        activeTimer = timer != null ? timer : new WallTimer(client.clock(), client::speed, executor, LONGEST_WAIT);
        if (settings.ceiling()) {
            watch = client.watch(update -> evaluate(), executor, settings.pollInterval());
            startCeilingCycle();
            evaluate();
        } else {
            planCycle();
        }
    }

    private void deactivate() {
        active = false;
        scheduled.forEach(EnergyTimer.Scheduled::cancel);
        scheduled.clear();
        if (watch != null) {
            watch.close();
            watch = null;
        }
        if (timer == null && activeTimer != null) {
            activeTimer.close();
        }
        activeTimer = null;
        if (executor != null) {
            context.getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
    }

    // ---- windows

    private void planCycle() {
        Instant now = now();
        Optional<Instant> next = nextDeadline(now);
        if (next.isEmpty()) {
            consume(true, "the deadline " + settings.deadline() + " has passed, so there is nothing left to plan");
            return;
        }
        EnergyPlan made = plan(now, next.get());
        plan = made;
        if (made.followsProposal()) {
            LOG.info("{}: {}", routeIds(), made);
        } else {
            LOG.warn("{}: {}", routeIds(), made);
        }
        if (made.start().isAfter(now)) {
            consume(false, "waiting for the planned start at " + made.start());
            schedule(made.start(), () -> consume(true, "the planned window starts"));
        } else {
            consume(true, "the planned window has started");
        }
        schedule(made.end(), this::windowEnds);
    }

    private EnergyPlan plan(Instant now, Instant deadline) {
        Duration length = settings.duration();
        if (!deadline.minus(length).isAfter(now)) {
            return EnergyPlan.latestStart(
                    now, deadline, length, "the deadline leaves less than the expected duration of " + length);
        }
        try {
            List<EnergyWindow> windows = client.windows(settings.model(), length, deadline, 1);
            if (windows.isEmpty()) {
                return EnergyPlan.latestStart(
                        now, deadline, length, "the gateway proposed no window before the deadline");
            }
            return EnergyPlan.proposed(now, deadline, windows.get(0));
        } catch (RuntimeException e) {
            return EnergyPlan.latestStart(now, deadline, length, "planning failed: " + e.getMessage());
        }
    }

    private void windowEnds() {
        lastDeadline = plan.deadline();
        if (settings.deadline().firstAfter(lastDeadline).isPresent()) {
            consume(false, "the planned window has ended");
        }
        planCycle();
    }

    // ---- ceiling

    private void startCeilingCycle() {
        if (settings.deadline() == null) {
            return;
        }
        cycleDeadline = nextDeadline(now()).orElse(null);
        if (cycleDeadline == null) {
            return;
        }
        Instant due = cycleDeadline;
        schedule(due.minus(settings.duration()), this::evaluate);
        schedule(due, () -> {
            lastDeadline = due;
            startCeilingCycle();
            evaluate();
        });
    }

    private synchronized void evaluate() {
        if (!active) {
            return;
        }
        Instant now = now();
        if (cycleDeadline != null && !now.isBefore(cycleDeadline.minus(settings.duration()))) {
            consume(
                    true,
                    "the work must start by " + cycleDeadline.minus(settings.duration())
                            + " to be done by the deadline " + cycleDeadline + ", whatever the price");
            return;
        }
        ModelSitePrice cheapest;
        try {
            cheapest = client.modelPrices(settings.model()).cheapest();
        } catch (RuntimeException e) {
            LOG.warn(
                    "{}: cannot read the price of {}; the consumer stays as it is: {}",
                    routeIds(),
                    settings.model(),
                    e.getMessage());
            if (consuming == null) {
                consume(false, "no price known yet");
            }
            return;
        }
        String above = aboveCeiling(cheapest);
        String price = cheapest.usdPerMwh().toPlainString() + " $/MWh at " + cheapest.site();
        consume(above == null, above == null ? price + " is within every ceiling" : price + ": " + above);
    }

    /** Which ceiling the price is above, or null when it is within all of them. */
    private String aboveCeiling(ModelSitePrice cheapest) {
        if (exceeds(cheapest.usdPerMwh(), settings.maxUsdPerMwh())) {
            return "above maxUsdPerMwh " + settings.maxUsdPerMwh().toPlainString();
        }
        if (exceeds(cheapest.pricePer1m().inputPer1m(), settings.maxInputPricePer1m())) {
            return "input price " + cheapest.pricePer1m().inputPer1m().toPlainString() + " above maxInputPricePer1m "
                    + settings.maxInputPricePer1m().toPlainString();
        }
        if (exceeds(cheapest.pricePer1m().outputPer1m(), settings.maxOutputPricePer1m())) {
            return "output price " + cheapest.pricePer1m().outputPer1m().toPlainString() + " above maxOutputPricePer1m "
                    + settings.maxOutputPricePer1m().toPlainString();
        }
        return null;
    }

    private static boolean exceeds(BigDecimal value, BigDecimal ceiling) {
        return ceiling != null && value.compareTo(ceiling) > 0;
    }

    // ---- shared

    private Instant now() {
        return activeTimer.clock().instant();
    }

    /** The first deadline after now, and after the one the last cycle served. */
    private Optional<Instant> nextDeadline(Instant now) {
        Instant after = lastDeadline != null && lastDeadline.isAfter(now) ? lastDeadline : now;
        return settings.deadline().firstAfter(after);
    }

    private void schedule(Instant when, Runnable task) {
        EnergyTimer.Scheduled[] handle = new EnergyTimer.Scheduled[1];
        handle[0] = activeTimer.at(when, () -> {
            synchronized (CheapEnergyRoutePolicy.this) {
                scheduled.remove(handle[0]);
                if (active) {
                    task.run();
                }
            }
        });
        scheduled.add(handle[0]);
    }

    private void consume(boolean run, String why) {
        if (consuming != null && consuming == run) {
            return;
        }
        consuming = run;
        for (Route route : routes) {
            apply(route, run);
        }
        LOG.info("{}: {} at {}: {}", routeIds(), run ? "consuming" : "suspended", now(), why);
    }

    private void apply(Route route, boolean run) {
        try {
            if (run) {
                resumeOrStartConsumer(route.getConsumer());
            } else {
                suspendOrStopConsumer(route.getConsumer());
            }
        } catch (Exception e) {
            handleException(e);
        }
    }

    private List<String> routeIds() {
        List<String> ids = new ArrayList<>();
        routes.forEach(route -> ids.add(route.getRouteId()));
        return ids;
    }

    // ---- state, for applications and tests

    /**
     * The plan of the current cycle in window mode (after a fixed deadline, the last one); null before
     * the first and in ceiling mode.
     */
    public synchronized EnergyPlan getPlan() {
        return plan;
    }

    /** Whether the routes' consumers are consuming now (false while suspended or not started). */
    public synchronized boolean isConsuming() {
        return Boolean.TRUE.equals(consuming);
    }

    // ---- options, fluent for Java

    /** The model whose price the policy follows: an id, name or alias, without strategy tags. */
    public CheapEnergyRoutePolicy model(String model) {
        setModel(model);
        return this;
    }

    /** How long the work is expected to run once the consumer resumes. */
    public CheapEnergyRoutePolicy duration(Duration duration) {
        setDuration(duration.toString());
        return this;
    }

    /** When the work must be done by. */
    public CheapEnergyRoutePolicy deadline(Deadline deadline) {
        setDeadline(deadline.text());
        return this;
    }

    /** Consume only while the electricity price at the model's cheapest site is at or below this. */
    public CheapEnergyRoutePolicy maxUsdPerMwh(BigDecimal ceiling) {
        setMaxUsdPerMwh(ceiling.toPlainString());
        return this;
    }

    /** Consume only while the model's price per million input tokens at its cheapest site is at or below this. */
    public CheapEnergyRoutePolicy maxInputPricePer1m(BigDecimal ceiling) {
        setMaxInputPricePer1m(ceiling.toPlainString());
        return this;
    }

    /** Consume only while the model's price per million output tokens at its cheapest site is at or below this. */
    public CheapEnergyRoutePolicy maxOutputPricePer1m(BigDecimal ceiling) {
        setMaxOutputPricePer1m(ceiling.toPlainString());
        return this;
    }

    /**
     * Reads prices and time from this client instead of the {@code clod} component's gateway: for tests,
     * and for applications that hold a client of their own.
     */
    public CheapEnergyRoutePolicy energy(EnergyClient energy) {
        this.energy = energy;
        return this;
    }

    /** Schedules on this timer instead of one on the energy clock: for tests that advance time by hand. */
    public CheapEnergyRoutePolicy timer(EnergyTimer timer) {
        this.timer = timer;
        return this;
    }

    // ---- options, as bean properties

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getDuration() {
        return duration;
    }

    /** The expected run time: {@code 2h}, {@code 90m}, {@code 1h30m} or ISO-8601 {@code PT2H}. */
    public void setDuration(String duration) {
        this.duration = duration;
    }

    public String getDeadline() {
        return deadline;
    }

    /** {@code 08:00} (daily, in {@code zone}), {@code 08:00 Europe/Paris}, or an instant such as {@code 2024-08-13T08:00:00Z}. */
    public void setDeadline(String deadline) {
        this.deadline = deadline;
    }

    public String getZone() {
        return zone;
    }

    /** The time zone of a daily deadline that names none; UTC unless set. */
    public void setZone(String zone) {
        this.zone = zone;
    }

    public String getMaxUsdPerMwh() {
        return maxUsdPerMwh;
    }

    public void setMaxUsdPerMwh(String maxUsdPerMwh) {
        this.maxUsdPerMwh = maxUsdPerMwh;
    }

    public String getMaxInputPricePer1m() {
        return maxInputPricePer1m;
    }

    public void setMaxInputPricePer1m(String maxInputPricePer1m) {
        this.maxInputPricePer1m = maxInputPricePer1m;
    }

    public String getMaxOutputPricePer1m() {
        return maxOutputPricePer1m;
    }

    public void setMaxOutputPricePer1m(String maxOutputPricePer1m) {
        this.maxOutputPricePer1m = maxOutputPricePer1m;
    }

    public String getPollInterval() {
        return pollInterval;
    }

    /** How often a ceiling policy in remote mode reads the server's prices (wall time); 60s unless set. */
    public void setPollInterval(String pollInterval) {
        this.pollInterval = pollInterval;
    }

    public String getComponent() {
        return component;
    }

    /** The name of the clod component whose gateway the policy asks; {@code clod} unless set. */
    public void setComponent(String component) {
        this.component = component;
    }
}
