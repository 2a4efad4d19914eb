package dev.clod.gateway.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.pricing.PriceStatus;
import dev.clod.gateway.store.Database;
import dev.clod.gateway.store.TestDatabases;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both stores keep every change once and answer a range with the price in effect at its start. */
class PriceHistoryTest {

    private static final Instant T0 = Instant.parse("2024-08-12T00:00:00Z");

    static Stream<Arguments> stores() {
        return Stream.of(
                Arguments.of("memory", (Supplier<PriceHistory>) () -> new InMemoryPriceHistory(Duration.ofDays(8))),
                Arguments.of("h2", (Supplier<PriceHistory>)
                        () -> new JdbcPriceHistory(Database.open(TestDatabases.h2Url()))),
                Arguments.of("postgresql", (Supplier<PriceHistory>)
                        () -> new JdbcPriceHistory(Database.open(TestDatabases.postgresUrl()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aRangeStartsWithThePriceInEffectAndHoldsEveryLaterChange(String name, Supplier<PriceHistory> store) {
        PriceHistory history = store.get();
        history.append(List.of(
                point("a", 0, "10.5", PriceStatus.LIVE),
                point("a", 15, "12.25", PriceStatus.LIVE),
                point("a", 30, "-3.1", PriceStatus.LIVE),
                point("a", 45, "-3.1", PriceStatus.STALE),
                point("b", 10, "40", PriceStatus.LIVE)));

        List<SitePricePoint> series = history.series("a", T0.plusSeconds(20 * 60), T0.plusSeconds(45 * 60));

        assertThat(series)
                .extracting(SitePricePoint::at, p -> p.usdPerMwh().stripTrailingZeros(), SitePricePoint::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                T0.plusSeconds(15 * 60), new BigDecimal("12.25"), PriceStatus.LIVE),
                        org.assertj.core.groups.Tuple.tuple(
                                T0.plusSeconds(30 * 60), new BigDecimal("-3.1"), PriceStatus.LIVE),
                        org.assertj.core.groups.Tuple.tuple(
                                T0.plusSeconds(45 * 60), new BigDecimal("-3.1"), PriceStatus.STALE));
        assertThat(history.series("b", T0, T0.plusSeconds(3600))).hasSize(1);
        assertThat(history.series("c", T0, T0.plusSeconds(3600))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void appendingTheSameChangeAgainKeepsOneRow(String name, Supplier<PriceHistory> store) {
        PriceHistory history = store.get();
        List<SitePricePoint> points =
                List.of(point("a", 0, "10", PriceStatus.LIVE), point("a", 5, "11", PriceStatus.LIVE));

        history.append(points);
        history.append(points);

        assertThat(history.series("a", T0.minusSeconds(1), T0.plusSeconds(3600)))
                .hasSize(2);
    }

    private static SitePricePoint point(String site, int minutes, String price, PriceStatus status) {
        return new SitePricePoint(site, T0.plusSeconds(minutes * 60L), new BigDecimal(price), status);
    }
}
