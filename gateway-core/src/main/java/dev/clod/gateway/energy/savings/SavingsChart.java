package dev.clod.gateway.energy.savings;

import dev.clod.gateway.energy.EnergyPrice;
import dev.clod.gateway.energy.PriceTrace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Draws a savings result as an SVG image: above, each site's real-time price over the period (daily
 * means in the report's time zone); below, when and where each batch job ran under the forecast and
 * the hindsight policies (start date across, local start time up, the site in its colour).
 *
 * <p>The price axis stops at a round value above nearly all days, so that a few scarcity days do not
 * flatten the rest; a day beyond it is drawn at the top edge with its value written beside it.
 */
public final class SavingsChart {

    private static final String[] COLOURS = {"#d55e00", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#0072b2"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);
    private static final DateTimeFormatter RUN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 720;
    private static final int LEFT = 80;
    private static final int RIGHT = 880;
    private static final int PRICE_TOP = 70;
    private static final int PRICE_BOTTOM = 370;
    private static final int RUNS_TOP = 430;
    private static final int RUNS_BOTTOM = 650;
    private static final int LEGEND_X = 905;

    private final List<Site> sites;
    private final SavingsResult result;
    private final ZoneId zone;
    private final StringBuilder svg = new StringBuilder();

    private SavingsChart(List<Site> sites, SavingsResult result, ZoneId zone) {
        this.sites = List.copyOf(sites);
        this.result = result;
        this.zone = zone;
    }

    /**
     * The chart as an SVG document.
     *
     * @param sites the sites whose prices are drawn, in legend order
     * @param result the runs to mark: those of its forecast and hindsight policies
     * @param zone the time zone of days and of start times
     */
    public static String render(List<Site> sites, SavingsResult result, ZoneId zone) {
        return new SavingsChart(sites, result, zone).draw();
    }

    private String draw() {
        List<double[]> daily = new ArrayList<>();
        for (Site site : sites) {
            daily.add(dailyMeans(site.realTime()));
        }
        double top = priceAxisTop(daily);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(
                LEFT,
                28,
                "start",
                "font-size=\"16\" font-weight=\"bold\"",
                "Real-time electricity prices and where batch jobs ran");
        text(
                LEFT,
                48,
                "start",
                "fill=\"#555\"",
                "jobs submitted " + days().get(0) + " to " + days().get(days().size() - 1) + "; days and times in "
                        + zone);
        timeAxis(PRICE_TOP, PRICE_BOTTOM, false);
        timeAxis(RUNS_TOP, RUNS_BOTTOM, true);
        priceAxis(top);
        hourAxis();
        for (int i = 0; i < sites.size(); i++) {
            priceLine(sites.get(i), daily.get(i), top, colour(i));
        }
        for (PolicyOutcome outcome : result.outcomes()) {
            if (outcome.policy() instanceof ForecastWindowPolicy || outcome.policy() instanceof HindsightPolicy) {
                runMarks(outcome);
            }
        }
        legend();
        svg.append("</svg>\n");
        return svg.toString();
    }

    private List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = result.to().minusNanos(1).atZone(zone).toLocalDate();
        for (LocalDate day = result.from().atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** Time-weighted mean of the known prices of each local day; NaN for a day with none. */
    private double[] dailyMeans(PriceTrace trace) {
        List<LocalDate> days = days();
        double[] means = new double[days.size()];
        for (int d = 0; d < means.length; d++) {
            Instant start = days.get(d).atStartOfDay(zone).toInstant();
            Instant end = days.get(d).plusDays(1).atStartOfDay(zone).toInstant();
            double weighted = 0;
            double covered = 0;
            for (EnergyPrice price : trace.between(start, end)) {
                Instant from = price.start().isBefore(start) ? start : price.start();
                Instant to = price.end().isAfter(end) ? end : price.end();
                double seconds = Duration.between(from, to).getSeconds();
                weighted += price.usdPerMwh().doubleValue() * seconds;
                covered += seconds;
            }
            means[d] = covered == 0 ? Double.NaN : weighted / covered;
        }
        return means;
    }

    /** A round value above 95% of the daily means with room to spare: 1, 2 or 5 times a power of ten. */
    private static double priceAxisTop(List<double[]> daily) {
        double[] all = daily.stream()
                .flatMapToDouble(Arrays::stream)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        double high = all.length == 0 ? 1 : Math.max(1, all[(int) Math.floor(0.95 * (all.length - 1))] * 1.25);
        double power = Math.pow(10, Math.floor(Math.log10(high)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= high) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private void timeAxis(int top, int bottom, boolean labelled) {
        svg.append("<g class=\"time-axis\" stroke=\"#ddd\">\n");
        List<LocalDate> days = days();
        for (int d = 0; d < days.size(); d += 7) {
            double x = x(days.get(d).atStartOfDay(zone).toInstant());
            line(x, top, x, bottom);
        }
        svg.append("</g>\n");
        svg.append("<line x1=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(bottom)
                .append("\" x2=\"")
                .append(RIGHT);
        svg.append("\" y2=\"").append(bottom).append("\" stroke=\"#333\"/>\n");
        for (int d = 0; d < days.size(); d += 7) {
            double x = x(days.get(d).atStartOfDay(zone).toInstant());
            text(x, bottom + 16, "middle", "", DAY.format(days.get(d)));
        }
        if (labelled) {
            text((LEFT + RIGHT) / 2.0, bottom + 36, "middle", "", "date the run started");
        }
    }

    private void priceAxis(double top) {
        svg.append("<line x1=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(PRICE_TOP)
                .append("\" x2=\"")
                .append(LEFT);
        svg.append("\" y2=\"").append(PRICE_BOTTOM).append("\" stroke=\"#333\"/>\n");
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            double y = priceY(value, top);
            svg.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" y1=\"")
                    .append(fmt(y))
                    .append("\" x2=\"")
                    .append(RIGHT);
            svg.append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#eee\"/>\n");
            text(LEFT - 6, y + 4, "end", "", fmt(value));
        }
        verticalLabel(24, (PRICE_TOP + PRICE_BOTTOM) / 2.0, "$/MWh, daily mean of real-time price");
    }

    private void hourAxis() {
        svg.append("<line x1=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(RUNS_TOP)
                .append("\" x2=\"")
                .append(LEFT);
        svg.append("\" y2=\"").append(RUNS_BOTTOM).append("\" stroke=\"#333\"/>\n");
        for (int sinceNoon = 0; sinceNoon <= 24; sinceNoon += 6) {
            double y = hourY(sinceNoon);
            svg.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" y1=\"")
                    .append(fmt(y))
                    .append("\" x2=\"")
                    .append(RIGHT);
            svg.append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#eee\"/>\n");
            text(LEFT - 6, y + 4, "end", "", String.format(Locale.ROOT, "%02d:00", (sinceNoon + 12) % 24));
        }
        verticalLabel(24, (RUNS_TOP + RUNS_BOTTOM) / 2.0, "time the batch run started");
    }

    private void priceLine(Site site, double[] means, double top, String colour) {
        List<LocalDate> days = days();
        StringBuilder path = new StringBuilder();
        boolean drawing = false;
        List<Integer> offScale = new ArrayList<>();
        int lastOffScale = -2;
        for (int d = 0; d < means.length; d++) {
            if (Double.isNaN(means[d])) {
                drawing = false;
                continue;
            }
            double x = x(days.get(d).atTime(12, 0).atZone(zone).toInstant());
            path.append(drawing ? " L" : (path.length() == 0 ? "M" : " M"))
                    .append(fmt(x))
                    .append(',')
                    .append(fmt(priceY(Math.min(means[d], top), top)));
            drawing = true;
            if (means[d] > top) {
                // one label per run of days off the scale, at its highest day
                if (lastOffScale == d - 1 && !offScale.isEmpty()) {
                    if (means[d] > means[offScale.get(offScale.size() - 1)]) {
                        offScale.set(offScale.size() - 1, d);
                    }
                } else {
                    offScale.add(d);
                }
                lastOffScale = d;
            }
        }
        svg.append("<g class=\"series\" data-site=\"").append(escape(site.id())).append("\">\n");
        svg.append("<title>")
                .append(escape(site.id() + " (" + site.location() + ")"))
                .append("</title>\n");
        svg.append("<path d=\"")
                .append(path)
                .append("\" fill=\"none\" stroke=\"")
                .append(colour);
        svg.append("\" stroke-width=\"1.6\" stroke-linejoin=\"round\"/>\n");
        for (int d : offScale) {
            double x = x(days.get(d).atTime(12, 0).atZone(zone).toInstant());
            text(
                    x + 3,
                    PRICE_TOP - 4,
                    "start",
                    "fill=\"" + colour + "\" font-size=\"10\"",
                    "▲ " + Math.round(means[d]));
        }
        svg.append("</g>\n");
    }

    private void runMarks(PolicyOutcome outcome) {
        boolean hindsight = outcome.policy() instanceof HindsightPolicy;
        svg.append("<g class=\"runs\" data-policy=\"")
                .append(hindsight ? "hindsight" : "forecast")
                .append("\">\n");
        for (Placement run : outcome.placements()) {
            if (!(run.job() instanceof BatchJob)) {
                continue;
            }
            ZonedDateTime start = run.start().atZone(zone);
            double x = x(run.start());
            // noon to noon, so that a night's runs sit together rather than at both edges
            double y = hourY((start.getHour() + 12) % 24 + start.getMinute() / 60.0);
            String colour = colour(sites.indexOf(run.site()));
            svg.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y));
            if (hindsight) {
                svg.append("\" r=\"2.6\" fill=\"").append(colour).append("\">");
            } else {
                svg.append("\" r=\"5\" fill=\"none\" stroke-width=\"1.5\" stroke=\"")
                        .append(colour)
                        .append("\">");
            }
            svg.append("<title>")
                    .append(escape(run.job().name() + " at " + run.site().id() + ", " + RUN.format(start) + " ("
                            + outcome.policy().label() + ")"))
                    .append("</title></circle>\n");
        }
        svg.append("</g>\n");
    }

    private void legend() {
        int y = PRICE_TOP;
        text(LEGEND_X, y, "start", "font-weight=\"bold\"", "sites (grid location)");
        for (int i = 0; i < sites.size(); i++) {
            y += 20;
            svg.append("<line x1=\"")
                    .append(LEGEND_X)
                    .append("\" y1=\"")
                    .append(y - 4)
                    .append("\" x2=\"");
            svg.append(LEGEND_X + 22)
                    .append("\" y2=\"")
                    .append(y - 4)
                    .append("\" stroke=\"")
                    .append(colour(i));
            svg.append("\" stroke-width=\"3\"/>\n");
            text(
                    LEGEND_X + 28,
                    y,
                    "start",
                    "",
                    sites.get(i).id() + " (" + sites.get(i).location() + ")");
        }
        y = RUNS_TOP;
        text(LEGEND_X, y, "start", "font-weight=\"bold\"", "batch runs, by policy");
        y += 22;
        svg.append("<circle cx=\"").append(LEGEND_X + 8).append("\" cy=\"").append(y - 4);
        svg.append("\" r=\"5\" fill=\"none\" stroke-width=\"1.5\" stroke=\"#333\"/>\n");
        text(LEGEND_X + 20, y, "start", "", "3: as forecast when");
        text(LEGEND_X + 20, y + 14, "start", "", "    submitted");
        y += 34;
        svg.append("<circle cx=\"").append(LEGEND_X + 8).append("\" cy=\"").append(y - 4);
        svg.append("\" r=\"2.6\" fill=\"#333\"/>\n");
        text(LEGEND_X + 20, y, "start", "", "4: hindsight optimum");
        text(LEGEND_X, y + 28, "start", "fill=\"#555\"", "colour: the site it ran at");
    }

    private double x(Instant instant) {
        double span = Duration.between(result.from(), result.to()).getSeconds();
        double at = Duration.between(result.from(), instant).getSeconds();
        return LEFT + (RIGHT - LEFT) * Math.max(0, Math.min(1, at / span));
    }

    private static double priceY(double value, double top) {
        return PRICE_BOTTOM - (PRICE_BOTTOM - PRICE_TOP) * Math.max(0, value) / top;
    }

    private static double hourY(double hoursSinceNoon) {
        return RUNS_BOTTOM - (RUNS_BOTTOM - RUNS_TOP) * hoursSinceNoon / 24;
    }

    private static String colour(int index) {
        return COLOURS[Math.floorMod(index, COLOURS.length)];
    }

    private void line(double x1, double y1, double x2, double y2) {
        svg.append("<line x1=\"")
                .append(fmt(x1))
                .append("\" y1=\"")
                .append(fmt(y1))
                .append("\" x2=\"");
        svg.append(fmt(x2)).append("\" y2=\"").append(fmt(y2)).append("\"/>\n");
    }

    private void text(double x, double y, String anchor, String attributes, String content) {
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" text-anchor=\"");
        svg.append(anchor).append('"');
        if (!attributes.isEmpty()) {
            svg.append(' ').append(attributes);
        }
        svg.append('>').append(escape(content)).append("</text>\n");
    }

    private void verticalLabel(double x, double y, String content) {
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y));
        svg.append("\" text-anchor=\"middle\" transform=\"rotate(-90 ")
                .append(fmt(x))
                .append(' ')
                .append(fmt(y));
        svg.append(")\">").append(escape(content)).append("</text>\n");
    }

    private static String fmt(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
