package dev.clod.gateway.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatMessage;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ContentPart;
import dev.clod.gateway.api.MessageContent;
import dev.clod.gateway.api.ResponseFormat;
import dev.clod.gateway.api.SystemMessage;
import dev.clod.gateway.api.Tool;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.ToolChoice;
import dev.clod.gateway.api.ToolMessage;
import dev.clod.gateway.api.UserMessage;
import java.io.IOException;
import java.util.Map;

/** Writes a request in OpenAI's shape for an OpenAI-compatible upstream. */
final class RequestWriter {

    private RequestWriter() {}

    static void write(JsonGenerator gen, ChatRequest request) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("model", request.model());
        gen.writeArrayFieldStart("messages");
        for (ChatMessage message : request.messages()) {
            writeMessage(gen, message);
        }
        gen.writeEndArray();
        if (request.stream()) {
            gen.writeBooleanField("stream", true);
            gen.writeObjectFieldStart("stream_options");
            gen.writeBooleanField("include_usage", request.includeUsage());
            gen.writeEndObject();
        }
        if (request.maxTokens() != null) {
            gen.writeNumberField("max_tokens", request.maxTokens());
        }
        if (request.maxCompletionTokens() != null) {
            gen.writeNumberField("max_completion_tokens", request.maxCompletionTokens());
        }
        if (request.temperature() != null) {
            gen.writeNumberField("temperature", request.temperature());
        }
        if (request.topP() != null) {
            gen.writeNumberField("top_p", request.topP());
        }
        if (!request.stop().isEmpty()) {
            gen.writeArrayFieldStart("stop");
            for (String stop : request.stop()) {
                gen.writeString(stop);
            }
            gen.writeEndArray();
        }
        if (request.seed() != null) {
            gen.writeNumberField("seed", request.seed());
        }
        if (request.user() != null) {
            gen.writeStringField("user", request.user());
        }
        if (!request.tools().isEmpty()) {
            gen.writeArrayFieldStart("tools");
            for (Tool tool : request.tools()) {
                writeTool(gen, tool);
            }
            gen.writeEndArray();
        }
        if (request.toolChoice() != null) {
            writeToolChoice(gen, request.toolChoice());
        }
        if (request.parallelToolCalls() != null) {
            gen.writeBooleanField("parallel_tool_calls", request.parallelToolCalls());
        }
        if (request.responseFormat() != null) {
            writeResponseFormat(gen, request.responseFormat());
        }
        for (Map.Entry<String, JsonNode> extension : request.extensions().entrySet()) {
            // A programmatic request could carry an extension named like a known field; the field wins.
            if (!RequestReader.KNOWN_FIELDS.contains(extension.getKey())) {
                gen.writeFieldName(extension.getKey());
                gen.writeTree(extension.getValue());
            }
        }
        gen.writeEndObject();
    }

    private static void writeMessage(JsonGenerator gen, ChatMessage message) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("role", message.role());
        if (message instanceof SystemMessage system) {
            gen.writeStringField("content", system.content());
            writeOptional(gen, "name", system.name());
        } else if (message instanceof UserMessage user) {
            writeUserContent(gen, user.content());
            writeOptional(gen, "name", user.name());
        } else if (message instanceof AssistantMessage assistant) {
            // Written even when null: a tool-call turn is replayed as "content": null, as OpenAI expects.
            gen.writeStringField("content", assistant.content());
            writeOptional(gen, "name", assistant.name());
            writeOptional(gen, "refusal", assistant.refusal());
            if (!assistant.toolCalls().isEmpty()) {
                gen.writeArrayFieldStart("tool_calls");
                for (ToolCall call : assistant.toolCalls()) {
                    writeToolCall(gen, call);
                }
                gen.writeEndArray();
            }
        } else if (message instanceof ToolMessage tool) {
            gen.writeStringField("tool_call_id", tool.toolCallId());
            gen.writeStringField("content", tool.content());
        }
        gen.writeEndObject();
    }

    private static void writeUserContent(JsonGenerator gen, MessageContent content) throws IOException {
        if (content instanceof MessageContent.Text text) {
            gen.writeStringField("content", text.value());
            return;
        }
        gen.writeArrayFieldStart("content");
        for (ContentPart part : ((MessageContent.Parts) content).parts()) {
            if (part instanceof ContentPart.TextPart text) {
                gen.writeStartObject();
                gen.writeStringField("type", "text");
                gen.writeStringField("text", text.text());
                gen.writeEndObject();
            } else if (part instanceof ContentPart.ImagePart image) {
                gen.writeStartObject();
                gen.writeStringField("type", "image_url");
                gen.writeObjectFieldStart("image_url");
                gen.writeStringField("url", image.url());
                writeOptional(gen, "detail", image.detail());
                gen.writeEndObject();
                gen.writeEndObject();
            } else if (part instanceof ContentPart.OtherPart other) {
                gen.writeTree(other.raw());
            }
        }
        gen.writeEndArray();
    }

    /** One tool call in OpenAI's nested shape; the stream writer shares it for complete calls. */
    static void writeToolCall(JsonGenerator gen, ToolCall call) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("id", call.id());
        gen.writeStringField("type", "function");
        gen.writeObjectFieldStart("function");
        gen.writeStringField("name", call.name());
        gen.writeStringField("arguments", call.arguments());
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void writeTool(JsonGenerator gen, Tool tool) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("type", "function");
        gen.writeObjectFieldStart("function");
        gen.writeStringField("name", tool.name());
        writeOptional(gen, "description", tool.description());
        if (tool.parameters() != null) {
            gen.writeFieldName("parameters");
            gen.writeTree(tool.parameters());
        }
        if (tool.strict() != null) {
            gen.writeBooleanField("strict", tool.strict());
        }
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void writeToolChoice(JsonGenerator gen, ToolChoice choice) throws IOException {
        switch (choice.mode()) {
            case AUTO -> gen.writeStringField("tool_choice", "auto");
            case NONE -> gen.writeStringField("tool_choice", "none");
            case REQUIRED -> gen.writeStringField("tool_choice", "required");
            case FUNCTION -> {
                gen.writeObjectFieldStart("tool_choice");
                gen.writeStringField("type", "function");
                gen.writeObjectFieldStart("function");
                gen.writeStringField("name", choice.functionName());
                gen.writeEndObject();
                gen.writeEndObject();
            }
        }
    }

    private static void writeResponseFormat(JsonGenerator gen, ResponseFormat format) throws IOException {
        gen.writeObjectFieldStart("response_format");
        switch (format.type()) {
            case TEXT -> gen.writeStringField("type", "text");
            case JSON_OBJECT -> gen.writeStringField("type", "json_object");
            case JSON_SCHEMA -> {
                gen.writeStringField("type", "json_schema");
                gen.writeObjectFieldStart("json_schema");
                gen.writeStringField("name", format.schemaName());
                if (format.schema() != null) {
                    gen.writeFieldName("schema");
                    gen.writeTree(format.schema());
                }
                if (format.strict() != null) {
                    gen.writeBooleanField("strict", format.strict());
                }
                gen.writeEndObject();
            }
        }
        gen.writeEndObject();
    }

    static void writeOptional(JsonGenerator gen, String field, String value) throws IOException {
        if (value != null) {
            gen.writeStringField(field, value);
        }
    }
}
