package dev.clod.examples.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ToolDataTest {

    @Test
    void convertsThroughTheDollarAndRoundsToTheTargetsDecimals() {
        ReferenceRates.Conversion euros = ReferenceRates.convert(new BigDecimal("100"), "USD", "EUR");
        ReferenceRates.Conversion yen = ReferenceRates.convert(new BigDecimal("10"), "EUR", "JPY");

        assertThat(euros.result()).isEqualByComparingTo("92.00");
        assertThat(euros.result().scale()).isEqualTo(2);
        // 10 / 0.92 * 151.5 = 1646.739…, and yen have no decimals.
        assertThat(yen.result()).isEqualByComparingTo("1647");
        assertThat(yen.result().scale()).isZero();
    }

    @Test
    void refusesUnknownCurrenciesAndAmountsThatAreNotPositive() {
        assertThatThrownBy(() -> ReferenceRates.convert(BigDecimal.ONE, "EUR", "XYZ"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'XYZ'")
                .hasMessageContaining("EUR, USD");
        assertThatThrownBy(() -> ReferenceRates.convert(BigDecimal.ZERO, "EUR", "USD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void theSchemasListExactlyTheCitiesAndCurrenciesTheRoutesKnow() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode weather = json.readTree(Tools.weather().parameters());
        JsonNode currency = json.readTree(Tools.currency().parameters());

        assertThat(weather.at("/properties/city/enum"))
                .extracting(JsonNode::asText)
                .containsExactlyElementsOf(SampleWeather.cities());
        assertThat(currency.at("/properties/from/enum"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(ReferenceRates.currencies());
        assertThat(currency.at("/properties/to/enum"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(ReferenceRates.currencies());
        assertThat(SampleWeather.now("Oslo"))
                .hasValueSatisfying(observation -> assertThat(observation.sky()).isEqualTo("light rain"));
        assertThat(SampleWeather.now("Atlantis")).isEmpty();
    }
}
