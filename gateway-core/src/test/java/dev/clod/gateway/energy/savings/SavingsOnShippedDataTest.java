package dev.clod.gateway.energy.savings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.energy.CsvTraceReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo scenario over two weeks of the shipped prices, the ERCOT scarcity evening of 2024-08-20
 * included: what holds for every job, whatever the prices did.
 */
class SavingsOnShippedDataTest {

    private static SavingsScenario scenario;
    private static SavingsResult result;

    @BeforeAll
    static void replay() {
        scenario = SavingsScenario.demo();
        List<Site> sites = scenario.sites(CsvTraceReader.shipped());
        Instant from =
                LocalDate.parse("2024-08-12").atStartOfDay(scenario.zone()).toInstant();
        Instant to = LocalDate.parse("2024-08-26").atStartOfDay(scenario.zone()).toInstant();
        result = new SavingsEngine(sites, scenario.fixedSite(), scenario.pricing()).run(scenario.workload(), from, to);
    }

    @Test
    void everyBatchRunStartsAfterSubmissionAndEndsByItsDeadline() {
        long batchRuns = 0;
        for (PolicyOutcome outcome : result.outcomes()) {
            for (Placement run : outcome.placements()) {
                assertThat(run.start()).isAfterOrEqualTo(run.job().submitted());
                if (run.job() instanceof BatchJob batch) {
                    assertThat(run.end()).isBeforeOrEqualTo(batch.deadline());
                    batchRuns++;
                } else {
                    assertThat(run.start()).isEqualTo(run.job().submitted());
                }
            }
        }
        // 14 nightly and 2 weekly runs under each of the four policies
        assertThat(batchRuns).isEqualTo(4 * 16);
    }

    @Test
    void hindsightIsALowerBoundOnEveryJobAndWaitingForAWindowPaysOff() {
        Meter meter = new Meter(scenario.pricing());
        List<PolicyOutcome> outcomes = result.outcomes();
        PolicyOutcome hindsight = outcomes.get(3);
        for (int i = 0; i < hindsight.placements().size(); i++) {
            var best = meter.charge(hindsight.placements().get(i)).orElseThrow().total();
            for (PolicyOutcome other : outcomes) {
                assertThat(best)
                        .isLessThanOrEqualTo(meter.charge(other.placements().get(i))
                                .orElseThrow()
                                .total());
            }
        }
        assertThat(outcomes.get(1).charge().total())
                .isLessThan(outcomes.get(0).charge().total());
        assertThat(outcomes.get(2).charge().total())
                .isLessThan(outcomes.get(1).charge().total());
        assertThat(hindsight.charge().total())
                .isLessThanOrEqualTo(outcomes.get(2).charge().total());
    }

    @Test
    void everyPolicyIsChargedForTheSameJobs() {
        for (PolicyOutcome outcome : result.outcomes()) {
            assertThat(outcome.placements()).hasSize(result.pricedJobs());
            for (int i = 0; i < outcome.placements().size(); i++) {
                assertThat(outcome.placements().get(i).job())
                        .isSameAs(result.baseline().placements().get(i).job());
            }
        }
        assertThat(result.pricedJobs() + result.skipped().size()).isEqualTo(14 * 96 + 14 + 2);
    }

    @Test
    void theChargeSplitByJobAddsUpToTheTotal() {
        for (PolicyOutcome outcome : result.outcomes()) {
            assertThat(outcome.byJob()).containsOnlyKeys("interactive", "nightly-etl", "weekly-report");
            Charge sum = outcome.byJob().values().stream().reduce(Charge.NONE, Charge::plus);
            assertThat(sum).isEqualTo(outcome.charge());
        }
    }
}
