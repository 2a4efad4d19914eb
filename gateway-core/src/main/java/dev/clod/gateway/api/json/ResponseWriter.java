package dev.clod.gateway.api.json;

import static dev.clod.gateway.api.json.RequestWriter.writeOptional;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.Usage;
import java.io.IOException;

/** Writes answers, chunks and errors exactly in the shape OpenAI's clients parse. */
final class ResponseWriter {

    private ResponseWriter() {}

    static void writeResponse(JsonGenerator gen, ChatResponse response) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("id", response.id());
        gen.writeStringField("object", "chat.completion");
        gen.writeNumberField("created", response.created());
        gen.writeStringField("model", response.model());
        gen.writeArrayFieldStart("choices");
        for (ChatResponse.Choice choice : response.choices()) {
            gen.writeStartObject();
            gen.writeNumberField("index", choice.index());
            writeMessage(gen, choice.message());
            gen.writeNullField("logprobs");
            writeFinishReason(gen, choice.finishReason());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        writeUsage(gen, response.usage());
        writeOptional(gen, "system_fingerprint", response.systemFingerprint());
        gen.writeEndObject();
    }

    private static void writeMessage(JsonGenerator gen, AssistantMessage message) throws IOException {
        gen.writeObjectFieldStart("message");
        gen.writeStringField("role", "assistant");
        gen.writeStringField("content", message.content());
        writeOptional(gen, "refusal", message.refusal());
        if (!message.toolCalls().isEmpty()) {
            gen.writeArrayFieldStart("tool_calls");
            for (ToolCall call : message.toolCalls()) {
                RequestWriter.writeToolCall(gen, call);
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    static void writeChunk(JsonGenerator gen, ChatChunk chunk) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("id", chunk.id());
        gen.writeStringField("object", "chat.completion.chunk");
        gen.writeNumberField("created", chunk.created());
        gen.writeStringField("model", chunk.model());
        gen.writeArrayFieldStart("choices");
        for (ChatChunk.ChunkChoice choice : chunk.choices()) {
            gen.writeStartObject();
            gen.writeNumberField("index", choice.index());
            writeDelta(gen, choice.delta());
            gen.writeNullField("logprobs");
            writeFinishReason(gen, choice.finishReason());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        if (chunk.usage() != null) {
            writeUsage(gen, chunk.usage());
        }
        gen.writeEndObject();
    }

    private static void writeDelta(JsonGenerator gen, ChatChunk.Delta delta) throws IOException {
        gen.writeObjectFieldStart("delta");
        writeOptional(gen, "role", delta.role());
        writeOptional(gen, "content", delta.content());
        writeOptional(gen, "refusal", delta.refusal());
        if (!delta.toolCalls().isEmpty()) {
            gen.writeArrayFieldStart("tool_calls");
            for (ChatChunk.ToolCallDelta call : delta.toolCalls()) {
                gen.writeStartObject();
                gen.writeNumberField("index", call.index());
                if (call.id() != null) {
                    gen.writeStringField("id", call.id());
                    gen.writeStringField("type", "function");
                }
                if (call.name() != null || call.arguments() != null) {
                    gen.writeObjectFieldStart("function");
                    writeOptional(gen, "name", call.name());
                    writeOptional(gen, "arguments", call.arguments());
                    gen.writeEndObject();
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    private static void writeFinishReason(JsonGenerator gen, FinishReason reason) throws IOException {
        if (reason == null) {
            gen.writeNullField("finish_reason");
        } else {
            gen.writeStringField("finish_reason", reason.wireName());
        }
    }

    private static void writeUsage(JsonGenerator gen, Usage usage) throws IOException {
        gen.writeObjectFieldStart("usage");
        gen.writeNumberField("prompt_tokens", usage.promptTokens());
        gen.writeNumberField("completion_tokens", usage.completionTokens());
        gen.writeNumberField("total_tokens", usage.totalTokens());
        gen.writeObjectFieldStart("prompt_tokens_details");
        gen.writeNumberField("cached_tokens", usage.cachedTokens());
        gen.writeEndObject();
        gen.writeEndObject();
    }

    static void writeError(JsonGenerator gen, ClodException error) throws IOException {
        gen.writeStartObject();
        gen.writeObjectFieldStart("error");
        gen.writeStringField("message", error.getMessage());
        gen.writeStringField("type", error.type());
        gen.writeStringField("param", error.param());
        gen.writeStringField("code", error.code());
        gen.writeEndObject();
        gen.writeEndObject();
    }
}
