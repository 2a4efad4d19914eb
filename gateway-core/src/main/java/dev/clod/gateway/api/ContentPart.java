package dev.clod.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** One part of a multi-part user message. */
public sealed interface ContentPart {

    record TextPart(String text) implements ContentPart {
        public TextPart {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An image by URL, which may be a {@code data:} URL carrying base64 bytes. */
    record ImagePart(String url, String detail) implements ContentPart {
        public ImagePart {
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * A part type this gateway does not interpret (audio, files, …), kept as the client sent it so an
     * OpenAI-compatible upstream still receives it.
     */
    record OtherPart(String type, JsonNode raw) implements ContentPart {
        public OtherPart {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(raw, "raw");
        }
    }
}
