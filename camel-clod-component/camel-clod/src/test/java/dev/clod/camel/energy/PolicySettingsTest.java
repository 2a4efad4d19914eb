package dev.clod.camel.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicySettingsTest {

    /** model, duration, deadline, zone, maxUsdPerMwh, maxInput, maxOutput, pollInterval, option at fault, detail. */
    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(null, "2h", "08:00", null, null, null, null, null, "model", "required"),
                Arguments.of("llama-3.1-8b@price", "2h", "08:00", null, null, null, null, null, "model", "tags"),
                Arguments.of("llama-3.1-8b", "2h", null, null, null, null, null, null, "deadline", "required"),
                Arguments.of("llama-3.1-8b", "2h", "8 o'clock", null, null, null, null, null, "deadline", "8"),
                Arguments.of(
                        "llama-3.1-8b",
                        "2h",
                        "08:00 Mars/Olympus",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "deadline",
                        "Mars/Olympus"),
                Arguments.of(
                        "llama-3.1-8b", "2h", "2024-08-13T08:00", null, null, null, null, null, "deadline", "offset"),
                Arguments.of("llama-3.1-8b", "2h", "08:00", "Nowhere", null, null, null, null, "zone", "Nowhere"),
                Arguments.of("llama-3.1-8b", null, "08:00", null, null, null, null, null, "duration", "required"),
                Arguments.of(
                        "llama-3.1-8b", "two hours", "08:00", null, null, null, null, null, "duration", "two hours"),
                Arguments.of("llama-3.1-8b", "0m", "08:00", null, null, null, null, null, "duration", "positive"),
                Arguments.of("llama-3.1-8b", "2d", "08:00", null, null, null, null, null, "duration", "a day"),
                Arguments.of("llama-3.1-8b", null, null, null, "cheap", null, null, null, "maxUsdPerMwh", "cheap"),
                Arguments.of(
                        "llama-3.1-8b", null, null, null, null, "-0.1", null, null, "maxInputPricePer1m", "negative"),
                Arguments.of("llama-3.1-8b", null, "08:00", null, "30", null, null, null, "duration", "required"),
                Arguments.of("llama-3.1-8b", null, null, null, "30", null, null, "soon", "pollInterval", "soon"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void namesTheOptionAtFault(
            String model,
            String duration,
            String deadline,
            String zone,
            String maxUsdPerMwh,
            String maxInput,
            String maxOutput,
            String pollInterval,
            String option,
            String detail) {
        assertThatThrownBy(() -> PolicySettings.read(
                        model, duration, deadline, zone, maxUsdPerMwh, maxInput, maxOutput, pollInterval))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid option '" + option + "' of CheapEnergyRoutePolicy")
                .hasMessageContaining(detail);
    }

    @Test
    void aDeadlineWithoutCeilingPlansWindows() {
        PolicySettings settings =
                PolicySettings.read("llama-3.1-8b", "90m", "08:00", "Europe/Paris", null, null, null, null);

        assertThat(settings.ceiling()).isFalse();
        assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(settings.deadline()).isEqualTo(Deadline.daily(LocalTime.of(8, 0), ZoneId.of("Europe/Paris")));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aCeilingNeedsNoDeadlineAndANegativeElectricityPriceIsAValidCeiling() {
        PolicySettings settings = PolicySettings.read("llama-3.1-8b", null, null, null, "-5", null, null, "10s");

        assertThat(settings.ceiling()).isTrue();
        assertThat(settings.deadline()).isNull();
        assertThat(settings.maxUsdPerMwh()).isEqualByComparingTo("-5");
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aDeadlineMayBeAnInstantWithAnOffset() {
        PolicySettings settings =
                PolicySettings.read("llama-3.1-8b", "PT2H", "2024-08-13T10:00:00+02:00", null, null, null, null, null);

        assertThat(settings.deadline()).isEqualTo(Deadline.at(Instant.parse("2024-08-13T08:00:00Z")));
    }
}
