package dev.clod.server;

import dev.clod.gateway.energy.CsvTraceReader;
import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.TraceKey;
import dev.clod.gateway.energy.savings.SavingsChart;
import dev.clod.gateway.energy.savings.SavingsEngine;
import dev.clod.gateway.energy.savings.SavingsResult;
import dev.clod.gateway.energy.savings.SavingsScenario;
import dev.clod.gateway.energy.savings.SavingsTable;
import dev.clod.gateway.energy.savings.Site;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The command line's {@code savings} command: replays the shipped price traces against the demo
 * workload, prints what each routing policy costs and optionally writes the chart.
 */
final class SavingsCommand {

    static final String USAGE = """
              savings [--from 2024-07-09] [--to 2024-09-16] [--chart FILE.svg]
                      replay the shipped 2024 electricity prices against a demo workload and print what it
                      costs under four routing policies (dates in America/Chicago, --to exclusive)""";

    static final LocalDate DEFAULT_FROM = LocalDate.parse("2024-07-09");
    static final LocalDate DEFAULT_TO = LocalDate.parse("2024-09-16");

    private final PrintStream out;
    private final PrintStream err;

    SavingsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command; returns the process exit code: 0, 1 when the chart cannot be written, 2 for bad arguments. */
    int run(List<String> args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException bad) {
            return refuse(bad.getMessage());
        }
        SavingsScenario scenario = SavingsScenario.demo();
        Map<TraceKey, PriceTrace> traces = CsvTraceReader.shipped();
        List<Site> sites = scenario.sites(traces);
        LocalDate first = firstFullDay(sites, scenario.zone());
        LocalDate end = lastFullDay(sites, scenario.zone()).plusDays(1);
        if (!arguments.from().isBefore(arguments.to())) {
            return refuse("--from " + arguments.from() + " must be before --to " + arguments.to());
        }
        if (arguments.from().isBefore(first) || arguments.to().isAfter(end)) {
            return refuse("the shipped prices cover " + first + " to " + end + " (--to is exclusive); got --from "
                    + arguments.from() + " --to " + arguments.to());
        }
        Instant from = arguments.from().atStartOfDay(scenario.zone()).toInstant();
        Instant to = arguments.to().atStartOfDay(scenario.zone()).toInstant();
        SavingsResult result =
                new SavingsEngine(sites, scenario.fixedSite(), scenario.pricing()).run(scenario.workload(), from, to);

        out.println("Savings report: " + scenario.model() + " at " + sites.size() + " sites, jobs submitted "
                + arguments.from() + " to " + arguments.to().minusDays(1) + " (" + scenario.zone() + ")");
        SavingsTable.workload(result).forEach(out::println);
        out.println();
        out.print(SavingsTable.format(result));
        out.println();
        out.print(SavingsTable.energyByJob(result));
        if (arguments.chart() != null) {
            try {
                Path parent = arguments.chart().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(
                        arguments.chart(), SavingsChart.render(sites, result, scenario.zone()), StandardCharsets.UTF_8);
            } catch (IOException cannotWrite) {
                err.println("error: cannot write the chart to " + arguments.chart() + ": " + cannotWrite.getMessage());
                return 1;
            }
            out.println();
            out.println("chart written to " + arguments.chart());
        }
        return 0;
    }

    private int refuse(String message) {
        err.println("error: " + message);
        err.println("usage: java -jar clod-gateway.jar " + USAGE);
        return 2;
    }

    /** The first local day on which every site has prices from its start. */
    private static LocalDate firstFullDay(List<Site> sites, ZoneId zone) {
        Instant latestStart = sites.stream()
                .map(site -> site.realTime().start())
                .max(Instant::compareTo)
                .orElseThrow();
        LocalDate day = latestStart.atZone(zone).toLocalDate();
        return day.atStartOfDay(zone).toInstant().isBefore(latestStart) ? day.plusDays(1) : day;
    }

    /** The last local day on which every site has prices to its end. */
    private static LocalDate lastFullDay(List<Site> sites, ZoneId zone) {
        Instant earliestEnd = sites.stream()
                .map(site -> site.realTime().end())
                .min(Instant::compareTo)
                .orElseThrow();
        return earliestEnd.atZone(zone).toLocalDate().minusDays(1);
    }

    /** The parsed options, each with its default. */
    private record Arguments(LocalDate from, LocalDate to, Path chart) {

        static Arguments parse(List<String> args) {
            LocalDate from = DEFAULT_FROM;
            LocalDate to = DEFAULT_TO;
            Path chart = null;
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                if (!List.of("--from", "--to", "--chart").contains(option)) {
                    throw new IllegalArgumentException(
                            "unknown argument '" + option + "' (valid: --from DATE, --to DATE, --chart FILE)");
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args.get(++i);
                switch (option) {
                    case "--from" -> from = date(option, value);
                    case "--to" -> to = date(option, value);
                    default -> chart = path(value);
                }
            }
            return new Arguments(from, to, chart);
        }

        private static LocalDate date(String option, String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " expects a date such as 2024-07-09, got '" + value + "'");
            }
        }

        private static Path path(String value) {
            if (value.isBlank()) {
                throw new IllegalArgumentException("--chart needs a file name");
            }
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("--chart: not a valid file name: '" + value + "'");
            }
        }
    }
}
