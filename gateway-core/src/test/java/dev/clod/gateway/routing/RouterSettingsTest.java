package dev.clod.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.clod.gateway.api.FailureClass;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RouterSettingsTest {

    private static final RouterSettings DEFAULTS = RouterSettings.defaults();

    @Test
    void defaultsMatchTheDocumentedValues() {
        assertThat(DEFAULTS.statsHalfLife()).isEqualTo(Duration.ofMinutes(5));
        assertThat(DEFAULTS.cooldownBase()).isEqualTo(Duration.ofSeconds(5));
        assertThat(DEFAULTS.cooldownMax()).isEqualTo(Duration.ofMinutes(5));
    }

    static Stream<Arguments> cooldowns() {
        return Stream.of(
                arguments(FailureClass.TRANSIENT, 1, Duration.ofSeconds(5)),
                arguments(FailureClass.TRANSIENT, 2, Duration.ofSeconds(10)),
                arguments(FailureClass.RATE_LIMITED, 3, Duration.ofSeconds(20)),
                arguments(FailureClass.TIMEOUT, 4, Duration.ofSeconds(40)),
                arguments(FailureClass.TIMEOUT, 6, Duration.ofSeconds(160)),
                arguments(FailureClass.TRANSIENT, 7, Duration.ofMinutes(5)),
                arguments(FailureClass.TRANSIENT, 64, Duration.ofMinutes(5)),
                arguments(FailureClass.TRANSIENT, Integer.MAX_VALUE, Duration.ofMinutes(5)),
                arguments(FailureClass.CREDENTIAL, 1, Duration.ofMinutes(5)),
                arguments(FailureClass.MODEL_GONE, 1, Duration.ofMinutes(5)),
                arguments(FailureClass.CALLER_FAULT, 1, Duration.ZERO),
                arguments(FailureClass.CALLER_FAULT, 9, Duration.ZERO));
    }

    @ParameterizedTest(name = "{0} #{1} -> {2}")
    @MethodSource("cooldowns")
    void cooldownDoublesPerFailureUpToTheCap(FailureClass failureClass, int failures, Duration expected) {
        assertThat(DEFAULTS.cooldownAfter(failureClass, failures)).isEqualTo(expected);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                arguments(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), "statsHalfLife"),
                arguments(Duration.ofMinutes(1), Duration.ofSeconds(-1), Duration.ofSeconds(2), "cooldownBase"),
                arguments(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofNanos(10), "cooldownMax"),
                arguments(Duration.ofMinutes(1), Duration.ofSeconds(3), Duration.ofSeconds(2), "must not exceed"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("invalidSettings")
    void rejectsSettingsThatCannotWork(Duration halfLife, Duration base, Duration max, String message) {
        assertThatThrownBy(() -> new RouterSettings(halfLife, base, max))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
