package dev.clod.gateway.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.InvalidRequestException;
import java.util.Locale;

/**
 * Typed reads of request fields that fail with OpenAI's wording and the exact parameter path. A field
 * is addressed by its parent's path and its own name so the path string is only built on failure.
 */
final class Params {

    private Params() {}

    static String path(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    /** Null and absent are the same for every optional field. */
    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    static String requiredString(JsonNode parent, String prefix, String field) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            throw missing(path(prefix, field));
        }
        return string(node, prefix, field);
    }

    static String optionalString(JsonNode parent, String prefix, String field) {
        JsonNode node = parent.get(field);
        return absent(node) ? null : string(node, prefix, field);
    }

    private static String string(JsonNode node, String prefix, String field) {
        if (!node.isTextual()) {
            throw invalidType(path(prefix, field), "a string", node);
        }
        return node.textValue();
    }

    static Boolean optionalBoolean(JsonNode node, String param) {
        if (absent(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            throw invalidType(param, "a boolean", node);
        }
        return node.booleanValue();
    }

    static JsonNode optionalObject(JsonNode parent, String prefix, String field) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw invalidType(path(prefix, field), "an object", node);
        }
        return node;
    }

    static JsonNode requiredObject(JsonNode parent, String prefix, String field) {
        JsonNode node = optionalObject(parent, prefix, field);
        if (node == null) {
            throw missing(path(prefix, field));
        }
        return node;
    }

    /** An integer at least 1 that fits in an int, as token limits are. */
    static Integer optionalPositiveInt(JsonNode node, String param) {
        if (absent(node)) {
            return null;
        }
        if (!isWhole(node)) {
            throw invalidType(param, "an integer", node);
        }
        if (node.isIntegralNumber() ? node.bigIntegerValue().signum() <= 0 : node.doubleValue() < 1) {
            throw new InvalidRequestException(
                    "Invalid '" + param + "': integer below minimum value. Expected a value >= 1, but got "
                            + node.asText() + " instead.",
                    param,
                    "integer_below_min_value");
        }
        if (!node.canConvertToInt()) {
            throw new InvalidRequestException(
                    "Invalid '" + param + "': integer above maximum value. Expected a value <= " + Integer.MAX_VALUE
                            + ", but got " + node.asText() + " instead.",
                    param,
                    "integer_above_max_value");
        }
        return node.intValue();
    }

    static Long optionalLong(JsonNode node, String param) {
        if (absent(node)) {
            return null;
        }
        if (!isWhole(node)) {
            throw invalidType(param, "an integer", node);
        }
        if (!node.canConvertToLong()) {
            throw new InvalidRequestException(
                    "Invalid '" + param + "': integer out of range. Expected a 64-bit integer, but got " + node.asText()
                            + " instead.",
                    param,
                    "integer_above_max_value");
        }
        return node.longValue();
    }

    static Double optionalDecimal(JsonNode node, String param, double min, double max) {
        if (absent(node)) {
            return null;
        }
        if (!node.isNumber()) {
            throw invalidType(param, "a decimal", node);
        }
        double value = node.doubleValue();
        if (value < min) {
            throw new InvalidRequestException(
                    "Invalid '" + param + "': decimal below minimum value. Expected a value >= " + plain(min)
                            + ", but got " + node.asText() + " instead.",
                    param,
                    "decimal_below_min_value");
        }
        if (value > max) {
            throw new InvalidRequestException(
                    "Invalid '" + param + "': decimal above maximum value. Expected a value <= " + plain(max)
                            + ", but got " + node.asText() + " instead.",
                    param,
                    "decimal_above_max_value");
        }
        return value;
    }

    /** Integral numbers, and decimals with nothing after the point, which some clients write. */
    private static boolean isWhole(JsonNode node) {
        if (node.isIntegralNumber()) {
            return true;
        }
        return node.isFloatingPointNumber()
                && !Double.isInfinite(node.doubleValue())
                && node.doubleValue() == Math.rint(node.doubleValue());
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    static InvalidRequestException missing(String param) {
        return new InvalidRequestException(
                "Missing required parameter: '" + param + "'.", param, "missing_required_parameter");
    }

    static InvalidRequestException invalidType(String param, String expected, JsonNode got) {
        return new InvalidRequestException(
                "Invalid type for '" + param + "': expected " + expected + ", but got " + describe(got) + " instead.",
                param,
                "invalid_type");
    }

    static InvalidRequestException invalidValue(String param, String value, String supported) {
        return new InvalidRequestException(
                "Invalid value: '" + value + "'. Supported values are: " + supported + ".", param, "invalid_value");
    }

    static InvalidRequestException emptyArray(String param) {
        return new InvalidRequestException(
                "Invalid '" + param
                        + "': empty array. Expected an array with minimum length 1, but got an empty array instead.",
                param,
                "empty_array");
    }

    /** How OpenAI names a JSON value's type in its messages. */
    static String describe(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isIntegralNumber()) {
            return "an integer";
        }
        if (node.isNumber()) {
            return "a decimal";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
