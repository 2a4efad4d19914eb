package dev.clod.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clod.gateway.provider.translation.UntranslatableRequestException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON schemas as clients write them, and the Gemini schemas they become. */
class SchemaTranslatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> schemas() {
        return Stream.of(
                arguments(
                        "types upper-cased, descriptions and bounds kept",
                        "{\"type\":\"object\",\"description\":\"A place\",\"properties\":{\"n\":{\"type\":\"integer\","
                                + "\"minimum\":1,\"maximum\":9},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},"
                                + "\"maxItems\":3}},\"required\":[\"n\"]}",
                        "{\"type\":\"OBJECT\",\"description\":\"A place\",\"properties\":{\"n\":{\"type\":\"INTEGER\","
                                + "\"minimum\":1,\"maximum\":9},\"tags\":{\"type\":\"ARRAY\",\"maxItems\":3,"
                                + "\"items\":{\"type\":\"STRING\"}}},\"required\":[\"n\"]}"),
                arguments(
                        "a type list with null is nullable",
                        "{\"type\":[\"string\",\"null\"]}",
                        "{\"type\":\"STRING\",\"nullable\":true}"),
                arguments(
                        "several types are alternatives",
                        "{\"type\":[\"string\",\"number\"]}",
                        "{\"anyOf\":[{\"type\":\"STRING\"},{\"type\":\"NUMBER\"}]}"),
                arguments(
                        "anyOf with a null member is nullable",
                        "{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}",
                        "{\"nullable\":true,\"type\":\"STRING\"}"),
                arguments(
                        "oneOf is anyOf",
                        "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}",
                        "{\"anyOf\":[{\"type\":\"STRING\"},{\"type\":\"INTEGER\"}]}"),
                arguments(
                        "keywords outside Gemini's subset are dropped",
                        "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                                + "\"properties\":{\"a\":{\"type\":\"string\",\"format\":\"email\",\"examples\":[\"x\"]}},"
                                + "\"additionalProperties\":false,\"required\":[\"a\",\"ghost\"]}",
                        "{\"type\":\"OBJECT\",\"properties\":{\"a\":{\"type\":\"STRING\"}},\"required\":[\"a\"]}"),
                arguments(
                        "formats Gemini knows are kept",
                        "{\"type\":\"string\",\"format\":\"date-time\"}",
                        "{\"type\":\"STRING\",\"format\":\"date-time\"}"),
                arguments(
                        "const is a one-value enum",
                        "{\"const\":\"fixed\"}",
                        "{\"enum\":[\"fixed\"],\"type\":\"STRING\"}"),
                arguments(
                        "an enum of numbers moves into the description",
                        "{\"type\":\"integer\",\"description\":\"Stars.\",\"enum\":[1,2,3]}",
                        "{\"type\":\"INTEGER\",\"description\":\"Stars. One of: 1, 2, 3.\"}"),
                arguments(
                        "local references are inlined",
                        "{\"type\":\"object\",\"properties\":{\"home\":{\"$ref\":\"#/$defs/city\",\"description\":"
                                + "\"Where you live\"}},\"$defs\":{\"city\":{\"type\":\"object\",\"properties\":"
                                + "{\"name\":{\"type\":\"string\"}}}}}",
                        "{\"type\":\"OBJECT\",\"properties\":{\"home\":{\"type\":\"OBJECT\",\"properties\":{\"name\":"
                                + "{\"type\":\"STRING\"}},\"description\":\"Where you live\"}}}"),
                arguments(
                        "allOf is merged",
                        "{\"allOf\":[{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},"
                                + "\"required\":[\"a\"]},{\"properties\":{\"b\":{\"type\":\"boolean\"}}}]}",
                        "{\"type\":\"OBJECT\",\"properties\":{\"a\":{\"type\":\"STRING\"},\"b\":{\"type\":\"BOOLEAN\"}},"
                                + "\"required\":[\"a\"]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void translates(String name, String schema, String expected) {
        assertThat(SchemaTranslator.translate(json(schema), "p", false)).isEqualTo(json(expected));
    }

    @Test
    void responseSchemasKeepThePropertyOrderAsWritten() {
        JsonNode translated = SchemaTranslator.translate(
                json("{\"type\":\"object\",\"properties\":{\"z\":{\"type\":\"string\"},\"a\":{\"type\":\"string\"}}}"),
                "p",
                true);

        assertThat(translated.get("propertyOrdering")).isEqualTo(json("[\"z\",\"a\"]"));
    }

    @Test
    void aRecursiveSchemaCannotBeInlined() {
        JsonNode tree = json("{\"type\":\"object\",\"properties\":{\"children\":{\"type\":\"array\","
                + "\"items\":{\"$ref\":\"#\"}}}}");

        assertThatThrownBy(() -> SchemaTranslator.translate(tree, "tools[0].function.parameters", false))
                .isInstanceOf(UntranslatableRequestException.class)
                .hasMessageStartingWith("tools[0].function.parameters: the schema is recursive");
    }

    @Test
    void aReferenceThatLeadsNowhereIsRefused() {
        assertThatThrownBy(() -> SchemaTranslator.translate(json("{\"$ref\":\"#/$defs/missing\"}"), "p", false))
                .isInstanceOf(UntranslatableRequestException.class)
                .hasMessageContaining("#/$defs/missing");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
