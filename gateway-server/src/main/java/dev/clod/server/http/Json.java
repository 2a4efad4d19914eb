package dev.clod.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes small JSON documents with Jackson's streaming generator: no reflection, no tree. */
final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Something that writes one JSON value. */
    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    private Json() {}

    static Buffer buffer(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            writer.write(json);
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing JSON to memory", impossible);
        }
        return Buffer.buffer(bytes.toByteArray());
    }
}
