package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SavingsCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final SavingsCommand command = new SavingsCommand(print(out), print(err));

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(List.of("--since", "2024-07-09"), "unknown argument '--since'"),
                Arguments.of(List.of("--from"), "--from needs a value"),
                Arguments.of(List.of("--from", "9 July"), "--from expects a date such as 2024-07-09, got '9 July'"),
                Arguments.of(List.of("--to", "2024-02-30"), "--to expects a date"),
                Arguments.of(List.of("--from", "2024-08-10", "--to", "2024-08-10"), "must be before --to"),
                Arguments.of(List.of("--from", "2024-07-01"), "the shipped prices cover 2024-07-02 to 2024-09-16"),
                Arguments.of(List.of("--to", "2024-09-17"), "the shipped prices cover 2024-07-02 to 2024-09-16"),
                Arguments.of(List.of("--chart", " "), "--chart needs a file name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void badArgumentsAreNamedWithExitCode2AndNoStackTrace(List<String> args, String message) {
        assertThat(command.run(args)).isEqualTo(2);

        assertThat(text(err))
                .startsWith("error: ")
                .contains(message)
                .contains("usage:")
                .doesNotContain("Exception");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void printsOneRowPerPolicyAndWritesTheChart(@TempDir Path dir) throws Exception {
        Path chart = dir.resolve("report/savings.svg");

        int exit = command.run(List.of("--from", "2024-08-12", "--to", "2024-08-19", "--chart", chart.toString()));

        assertThat(exit).isZero();
        String printed = text(out);
        assertThat(printed)
                .contains("jobs submitted 2024-08-12 to 2024-08-18 (America/Chicago)")
                .contains("7 nightly-etl runs, 1 weekly-report runs")
                .contains("1  fixed site (dallas), at once")
                .contains("2  cheapest site, at once")
                .contains("3  cheapest site and window, as forecast")
                .contains("4  hindsight optimum (lower bound)")
                .contains("chart written to " + chart)
                .containsPattern("energy \\$ by job +policy 1 +policy 2 +policy 3 +policy 4")
                .containsPattern("\nnightly-etl( +[0-9.,]+){4}\n");
        assertThat(printed.lines().filter(line -> line.matches("[1-4] .*%\\s*$")))
                .hasSize(4);
        assertThat(text(err)).isEmpty();
        assertThat(DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(chart.toFile())
                        .getElementsByTagName("path")
                        .getLength())
                .isEqualTo(6);
    }

    @Test
    void aChartThatCannotBeWrittenIsReportedWithExitCode1(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");

        int exit = command.run(List.of(
                "--from",
                "2024-08-12",
                "--to",
                "2024-08-13",
                "--chart",
                notADirectory.resolve("chart.svg").toString()));

        assertThat(exit).isEqualTo(1);
        assertThat(text(err)).startsWith("error: cannot write the chart to ");
    }

    private static PrintStream print(ByteArrayOutputStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream target) {
        return target.toString(StandardCharsets.UTF_8);
    }
}
