package dev.clod.examples.lowprice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.camel.energy.EnergyPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the example on the replayed prices (about half a minute of wall time): the batch waits for
 * the planned window, runs inside it before the deadline, and costs no more than running at once.
 */
class LowPriceBatchAppTest {

    @Test
    void theBatchRunsInThePlannedWindowBeforeTheDeadlineAndCostsNoMoreThanAtOnce(@TempDir Path work) throws Exception {
        Path inbox = work.resolve("inbox");
        Path outbox = work.resolve("outbox");

        BatchReport report = LowPriceBatchApp.run(Map.of(
                "batch.inbox", inbox.toString(),
                "batch.outbox", outbox.toString()));

        List<String> tickets = names(Path.of("data", "tickets"));
        assertThat(report.records()).extracting(BatchRecord::file).containsExactlyInAnyOrderElementsOf(tickets);
        assertThat(names(outbox)).containsExactlyElementsOf(tickets);
        assertThat(names(inbox)).as("every ticket was taken from the inbox").isEmpty();

        EnergyPlan plan = report.plan();
        assertThat(plan.followsProposal())
                .as("planned from the gateway's window: %s", plan)
                .isTrue();
        assertThat(plan.start()).isAfter(plan.plannedAt());
        assertThat(plan.end()).isBeforeOrEqualTo(plan.deadline());
        assertThat(report.records()).allSatisfy(record -> {
            assertThat(record.pricedAt()).isBetween(plan.start(), plan.end());
            assertThat(record.site()).isIn("dallas", "tulsa", "los-angeles");
            assertThat(record.costUsd()).isPositive();
        });

        assertThat(report.costAtOnceUsd()).isPositive();
        assertThat(report.costUsd()).isLessThanOrEqualTo(report.costAtOnceUsd());
        assertThat(report.savingUsd())
                .isEqualByComparingTo(report.costAtOnceUsd().subtract(report.costUsd()));
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }
}
