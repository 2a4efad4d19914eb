package dev.clod.examples.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clod.camel.ClodTool;
import java.util.ArrayList;
import java.util.List;

/**
 * The two tools the model may call, each a route with a JSON schema for its arguments. The schemas
 * list the cities and currencies the routes know, so a model cannot ask for one they do not.
 */
public final class Tools {

    public static final String WEATHER_ROUTE = "direct:weather";
    public static final String CURRENCY_ROUTE = "direct:convert-currency";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tools() {}

    public static ClodTool weather() {
        ObjectNode schema = objectSchema();
        ObjectNode city = property(schema, "city", "string", "The city, one of those with an observation");
        city.set("enum", strings(SampleWeather.cities()));
        schema.set("required", strings(List.of("city")));
        return ClodTool.route("get_weather", WEATHER_ROUTE)
                .description("The weather now in a city: sky, temperature and wind, as observed.")
                .parameters(schema.toString());
    }

    public static ClodTool currency() {
        ObjectNode schema = objectSchema();
        property(schema, "amount", "number", "The amount of money to convert").put("exclusiveMinimum", 0);
        property(schema, "from", "string", "ISO 4217 code of the amount's currency")
                .set("enum", strings(ReferenceRates.currencies()));
        // Dollars first: the currency most questions ask for, and a model that takes the first value of
        // each list (as the demo catalog's simulated one does) then converts euros into dollars.
        List<String> targets = new ArrayList<>(ReferenceRates.currencies());
        targets.remove("USD");
        targets.add(0, "USD");
        property(schema, "to", "string", "ISO 4217 code of the currency wanted").set("enum", strings(targets));
        schema.set("required", strings(List.of("amount", "from", "to")));
        return ClodTool.route("convert_currency", CURRENCY_ROUTE)
                .description("Converts an amount of money into another currency at reference rates.")
                .parameters(schema.toString());
    }

    private static ObjectNode objectSchema() {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object");
        schema.putObject("properties");
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode property(ObjectNode schema, String name, String type, String description) {
        ObjectNode property = ((ObjectNode) schema.get("properties")).putObject(name);
        property.put("type", type);
        property.put("description", description);
        return property;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
