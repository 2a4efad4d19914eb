package dev.clod.camel.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    static Stream<Arguments> lengths() {
        return Stream.of(
                Arguments.of("2h", Duration.ofHours(2)),
                Arguments.of("90m", Duration.ofMinutes(90)),
                Arguments.of("1h30m", Duration.ofMinutes(90)),
                Arguments.of("45s", Duration.ofSeconds(45)),
                Arguments.of("1d", Duration.ofDays(1)),
                Arguments.of(" PT2H ", Duration.ofHours(2)),
                Arguments.of("pt90m", Duration.ofMinutes(90)));
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void readsShortAndIsoForms(String text, Duration expected) {
        assertThat(DurationText.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2 hours", "h", "2h30", "-2h", "PT-2H", "0s", "PTxH"})
    void rejectsAnythingElseQuotingIt(String text) {
        assertThatThrownBy(() -> DurationText.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
