package dev.clod.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clod.gateway.api.ChatMessage;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ResponseFormat;
import dev.clod.gateway.api.SystemMessage;
import dev.clod.gateway.api.Tool;
import dev.clod.gateway.api.ToolChoice;
import dev.clod.gateway.provider.translation.UntranslatableRequestException;

/**
 * Writes a {@code generateContent} request body for the gateway's request:
 *
 * <ul>
 *   <li>system and developer messages, wherever they stand, become {@code systemInstruction} parts;
 *   <li>messages become {@code contents} ({@link ContentTranslator});
 *   <li>tools become one {@code functionDeclarations} list, parameters translated by {@link
 *       SchemaTranslator} (a function without parameters declares none); {@code tool_choice} {@code
 *       auto}, {@code none}, {@code required} and a named function become {@code
 *       functionCallingConfig} mode {@code AUTO}, {@code NONE}, {@code ANY} and {@code ANY} with
 *       {@code allowedFunctionNames};
 *   <li>{@code temperature}, {@code top_p}, the output limit, {@code stop} and {@code seed} go into
 *       {@code generationConfig}, as does JSON output: {@code responseMimeType: application/json},
 *       with the translated schema as {@code responseSchema} for {@code json_schema};
 *   <li>{@code parallel_tool_calls}, {@code user} and fields the gateway does not interpret have no
 *       Gemini equivalent and are not sent; {@code n} above 1 is refused.
 * </ul>
 */
final class RequestTranslator {

    private RequestTranslator() {}

    static ObjectNode translate(ChatRequest request) {
        JsonNode n = request.extensions().get("n");
        if (n != null && n.isNumber() && n.asInt() > 1) {
            throw new UntranslatableRequestException(
                    "n", "the gemini provider answers one choice per request; n must be 1");
        }
        ObjectNode body = Wire.NODES.objectNode();
        body.set("contents", ContentTranslator.contents(request.messages()));
        ArrayNode system = Wire.NODES.arrayNode();
        for (ChatMessage message : request.messages()) {
            if (message instanceof SystemMessage instruction
                    && !instruction.content().isEmpty()) {
                system.addObject().put("text", instruction.content());
            }
        }
        if (!system.isEmpty()) {
            body.putObject("systemInstruction").set("parts", system);
        }
        if (!request.tools().isEmpty()) {
            tools(request, body);
        }
        ObjectNode generation = generationConfig(request);
        if (!generation.isEmpty()) {
            body.set("generationConfig", generation);
        }
        return body;
    }

    private static void tools(ChatRequest request, ObjectNode body) {
        ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
        for (int i = 0; i < request.tools().size(); i++) {
            Tool tool = request.tools().get(i);
            ObjectNode declaration = declarations.addObject();
            declaration.put("name", tool.name());
            if (tool.description() != null) {
                declaration.put("description", tool.description());
            }
            if (tool.parameters() != null) {
                ObjectNode parameters =
                        SchemaTranslator.translate(tool.parameters(), "tools[" + i + "].function.parameters", false);
                // Gemini refuses an object schema without properties; a function without them takes none.
                if (!SchemaTranslator.isEmptyObject(parameters) && !parameters.isEmpty()) {
                    declaration.set("parameters", parameters);
                }
            }
        }
        ToolChoice choice = request.toolChoice();
        if (choice != null) {
            ObjectNode config = body.putObject("toolConfig").putObject("functionCallingConfig");
            switch (choice.mode()) {
                case AUTO -> config.put("mode", "AUTO");
                case NONE -> config.put("mode", "NONE");
                case REQUIRED -> config.put("mode", "ANY");
                case FUNCTION -> {
                    config.put("mode", "ANY");
                    config.putArray("allowedFunctionNames").add(choice.functionName());
                }
            }
        }
    }

    private static ObjectNode generationConfig(ChatRequest request) {
        ObjectNode config = Wire.NODES.objectNode();
        if (request.temperature() != null) {
            config.put("temperature", request.temperature());
        }
        if (request.topP() != null) {
            config.put("topP", request.topP());
        }
        if (request.outputLimit() != null) {
            config.put("maxOutputTokens", request.outputLimit());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stops = config.putArray("stopSequences");
            request.stop().forEach(stops::add);
        }
        if (request.seed() != null) {
            config.put("seed", request.seed());
        }
        ResponseFormat format = request.responseFormat();
        if (format != null && format.type() != ResponseFormat.Type.TEXT) {
            config.put("responseMimeType", "application/json");
            if (format.type() == ResponseFormat.Type.JSON_SCHEMA && format.schema() != null) {
                config.set(
                        "responseSchema",
                        SchemaTranslator.translate(format.schema(), "response_format.json_schema.schema", true));
            }
        }
        return config;
    }
}
