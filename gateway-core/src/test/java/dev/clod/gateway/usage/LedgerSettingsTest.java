package dev.clod.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LedgerSettingsTest {

    @Test
    void defaultsAreSyncFiftyMillisecondsFiveHundredRecords() {
        assertThat(LedgerSettings.defaults())
                .isEqualTo(new LedgerSettings(Durability.SYNC, Duration.ofMillis(50), 500));
    }

    @Test
    void durabilitiesParseFromTheirConfigNames() {
        assertThat(Durability.fromConfig("sync")).isEqualTo(Durability.SYNC);
        assertThat(Durability.fromConfig("async")).isEqualTo(Durability.ASYNC);
        assertThatThrownBy(() -> Durability.fromConfig("SYNC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'SYNC'")
                .hasMessageContaining("sync, async");
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(Duration.ZERO, 500, "maxDelay"),
                Arguments.of(Duration.ofMillis(-1), 500, "maxDelay"),
                Arguments.of(Duration.ofMillis(50), 0, "maxBatch"),
                Arguments.of(Duration.ofMillis(50), LedgerSettings.MAX_BATCH_LIMIT + 1, "maxBatch"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void badSettingsAreRefusedByName(Duration maxDelay, int maxBatch, String named) {
        assertThatThrownBy(() -> new LedgerSettings(Durability.ASYNC, maxDelay, maxBatch))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named);
    }
}
