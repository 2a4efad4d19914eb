package dev.clod.gateway.api.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.InvalidRequestException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * OpenAI's chat-completions JSON to and from the gateway's records: requests from clients, requests
 * to OpenAI-compatible upstreams, their responses and stream chunks, and errors.
 *
 * <p>Every method is thread-safe and allocation-light: one shared mapper, no reflection per call,
 * output written with a streaming generator.
 */
public final class ChatJson {

    /** Shared, configured once; reading trees and writing nested JSON values goes through it. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static final JsonFactory FACTORY = MAPPER.getFactory();

    private ChatJson() {}

    /**
     * Reads a client's request body.
     *
     * @throws InvalidRequestException naming the parameter at fault (e.g. {@code messages[2].content})
     *     when the body is not valid JSON or not a valid request
     */
    public static ChatRequest readRequest(byte[] body) {
        return RequestReader.read(body);
    }

    /**
     * Writes a request for an OpenAI-compatible upstream: absent optional fields are left out, and
     * {@link ChatRequest#extensions()} follow the known fields in their original order.
     */
    public static byte[] writeRequest(ChatRequest request) {
        return bytes(gen -> RequestWriter.write(gen, request));
    }

    /**
     * Reads an upstream's complete answer.
     *
     * @throws ErrorBodyException when the body is an error envelope instead
     * @throws MalformedJsonException when it is not a chat completion at all
     */
    public static ChatResponse readResponse(byte[] body) {
        return ResponseReader.readResponse(body);
    }

    /** Writes a complete answer in OpenAI's {@code chat.completion} shape. */
    public static byte[] writeResponse(ChatResponse response) {
        return bytes(gen -> ResponseWriter.writeResponse(gen, response));
    }

    /**
     * Reads the payload of one SSE {@code data:} line.
     *
     * @throws ErrorBodyException when the payload is an error envelope
     * @throws MalformedJsonException when it is not a chunk at all
     */
    public static ChatChunk readChunk(String data) {
        return ResponseReader.readChunk(data);
    }

    /** Writes one chunk as compact, single-line JSON in OpenAI's {@code chat.completion.chunk} shape. */
    public static String writeChunk(ChatChunk chunk) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            ResponseWriter.writeChunk(gen, chunk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes {@code {"error":{"message","type","param","code"}}}; every key is present, null when the
     * error has no value for it.
     */
    public static byte[] writeError(ClodException error) {
        return bytes(gen -> ResponseWriter.writeError(gen, error));
    }

    /**
     * Reads an error body from an OpenAI-compatible server: OpenAI's {@code {"error":{…}}}, the
     * {@code {"error":"text"}} some servers send, or a flat {@code {"object":"error",…}}.
     *
     * @return empty when the body is none of these
     */
    public static Optional<ErrorBody> readError(byte[] body) {
        return ResponseReader.readError(body);
    }

    @FunctionalInterface
    private interface Writing {
        void write(JsonGenerator gen) throws IOException;
    }

    private static byte[] bytes(Writing writing) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(512)) {
            try (JsonGenerator gen = FACTORY.createGenerator(out)) {
                writing.write(gen);
            }
            return out.toByteArray();
        } catch (IOException e) {
            // Only an in-memory buffer is written to.
            throw new UncheckedIOException(e);
        }
    }
}
