package dev.clod.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A translated request: the Messages API body, and the name of the tool that stands for JSON output
 * when the caller asked for a {@code response_format} schema (null otherwise). That tool's input is
 * the answer, so the response translation turns it back into text.
 */
record MessagesRequest(ObjectNode body, String answerTool) {

    MessagesRequest {
        Objects.requireNonNull(body, "body");
    }

    byte[] bytes() {
        try {
            return Wire.JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
