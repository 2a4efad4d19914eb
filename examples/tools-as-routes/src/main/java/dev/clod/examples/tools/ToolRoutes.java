package dev.clod.examples.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.clod.camel.ClodConstants;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The tools as plain Camel routes. Each receives the model's arguments as a {@code Map} body and replies
 * with JSON text, which goes back to the model as the call's result. Arguments the route cannot use get
 * an {@code {"error": …}} result, which the model can read and correct, rather than a failed exchange.
 */
public final class ToolRoutes extends RouteBuilder {

    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final Transcript transcript;

    public ToolRoutes(Transcript transcript) {
        this.transcript = transcript;
    }

    @Override
    public void configure() {
        from(Tools.WEATHER_ROUTE)
                .routeId("tool-weather")
                .process(exchange -> reply(exchange, weather(arguments(exchange))))
                .process(this::record);

        from(Tools.CURRENCY_ROUTE)
                .routeId("tool-convert-currency")
                .process(exchange -> reply(exchange, conversion(arguments(exchange))))
                .process(this::record);
    }

    private static Object weather(Map<String, Object> arguments) {
        Object city = arguments.get("city");
        return SampleWeather.now(String.valueOf(city))
                .<Object>map(observation -> observation)
                .orElseGet(() -> error("no observation for city '" + city + "'; the cities are "
                        + String.join(", ", SampleWeather.cities())));
    }

    private static Object conversion(Map<String, Object> arguments) {
        Object amount = arguments.get("amount");
        if (!(amount instanceof Number)) {
            return error("amount must be a number, got " + amount);
        }
        try {
            return ReferenceRates.convert(
                    new BigDecimal(amount.toString()),
                    String.valueOf(arguments.get("from")),
                    String.valueOf(arguments.get("to")));
        } catch (IllegalArgumentException wrong) {
            return error(wrong.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> arguments(Exchange exchange) {
        return exchange.getMessage().getBody(Map.class);
    }

    private static void reply(Exchange exchange, Object result) throws JsonProcessingException {
        exchange.getMessage().setBody(JSON.writeValueAsString(result));
    }

    private static Map<String, String> error(String message) {
        return Map.of("error", message);
    }

    private void record(Exchange exchange) {
        transcript.toolReturned(
                exchange.getMessage().getHeader(ClodConstants.TOOL_NAME, String.class),
                exchange.getMessage().getHeader(ClodConstants.TOOL_ARGUMENTS, String.class),
                exchange.getMessage().getBody(String.class));
    }
}
