package dev.clod.gateway.api;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The content of a user message: a plain string or a list of parts. The two forms are kept apart so
 * that a request is forwarded in the form the client wrote it.
 */
public sealed interface MessageContent {

    /** The text of the content; for parts, the text parts joined, images left out. */
    String text();

    record Text(String value) implements MessageContent {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value;
        }
    }

    record Parts(List<ContentPart> parts) implements MessageContent {
        public Parts {
            parts = List.copyOf(parts);
        }

        @Override
        public String text() {
            return parts.stream()
                    .filter(ContentPart.TextPart.class::isInstance)
                    .map(p -> ((ContentPart.TextPart) p).text())
                    .collect(Collectors.joining("\n"));
        }
    }
}
