package dev.clod.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatMessage;
import dev.clod.gateway.api.ContentPart;
import dev.clod.gateway.api.MessageContent;
import dev.clod.gateway.api.SystemMessage;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.ToolMessage;
import dev.clod.gateway.api.UserMessage;
import dev.clod.gateway.provider.translation.DataUrl;
import dev.clod.gateway.provider.translation.ToolArguments;
import dev.clod.gateway.provider.translation.ToolCallIndex;
import dev.clod.gateway.provider.translation.UntranslatableRequestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the conversation into Gemini {@code contents}:
 *
 * <ul>
 *   <li>user and tool messages are {@code user} contents, assistant messages {@code model} contents;
 *       consecutive messages of one role are merged into one content;
 *   <li>images: a {@code data:} URL becomes {@code inlineData}, any other URL {@code fileData} with
 *       the URL as {@code fileUri} (Gemini fetches only the URLs it supports, such as files uploaded
 *       to its Files API);
 *   <li>an assistant's tool calls become {@code functionCall} parts. Gemini has no call ids, so none
 *       is sent; the first call of each turn carries the {@link #SKIP_SIGNATURE documented
 *       placeholder} thought signature, because Gemini 3 refuses replayed calls without one and the
 *       real signature does not travel through OpenAI's format;
 *   <li>a tool result becomes a {@code functionResponse} part named after the call it answers, found
 *       by its {@code tool_call_id} among the assistant's earlier calls; the results answering one
 *       turn are put in the order of that turn's calls, which is how Gemini pairs them. A JSON object
 *       result is the {@code response} as it is; anything else is wrapped as {@code {"output": …}}.
 * </ul>
 */
final class ContentTranslator {

    /**
     * The thought signature Google documents for calls whose real signature is not at hand (history
     * from another model or built by the client): it tells Gemini to skip the check.
     */
    static final String SKIP_SIGNATURE = "skip_thought_signature_validator";

    private static final Map<String, String> IMAGE_TYPES_BY_EXTENSION = Map.of(
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "webp", "image/webp",
            "gif", "image/gif",
            "heic", "image/heic",
            "heif", "image/heif");

    private ContentTranslator() {}

    static ArrayNode contents(List<ChatMessage> messages) {
        ToolCallIndex calls = ToolCallIndex.of(messages);
        ArrayNode contents = Wire.NODES.arrayNode();
        ObjectNode current = null;
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            String path = "messages[" + i + "]";
            if (message instanceof SystemMessage) {
                continue;
            }
            String role = message instanceof AssistantMessage ? "model" : "user";
            if (current == null || !current.path("role").asText().equals(role)) {
                flushResults(current, results);
                current = contents.addObject();
                current.put("role", role);
                current.putArray("parts");
            }
            ArrayNode parts = (ArrayNode) current.get("parts");
            if (message instanceof UserMessage user) {
                flushResults(current, results);
                userParts(user.content(), path, parts);
            } else if (message instanceof AssistantMessage assistant) {
                modelParts(assistant, path, parts);
            } else if (message instanceof ToolMessage tool) {
                ToolCall call = calls.answered(tool.toolCallId(), path + ".tool_call_id");
                results.add(new Result(calls.position(call.id()), functionResponse(call.name(), tool.content())));
            }
        }
        flushResults(current, results);
        // A model turn left without parts (an empty assistant message) would be refused.
        for (int i = contents.size() - 1; i >= 0; i--) {
            if (contents.get(i).path("parts").isEmpty()) {
                contents.remove(i);
            }
        }
        return contents;
    }

    private record Result(int position, ObjectNode part) {}

    /** Adds the pending tool results in the order of the calls they answer. */
    private static void flushResults(ObjectNode content, List<Result> results) {
        if (content == null || results.isEmpty()) {
            return;
        }
        results.sort(Comparator.comparingInt(Result::position));
        ArrayNode parts = (ArrayNode) content.get("parts");
        results.forEach(result -> parts.add(result.part()));
        results.clear();
    }

    private static void userParts(MessageContent content, String path, ArrayNode parts) {
        if (content instanceof MessageContent.Text text) {
            addText(parts, text.value());
            return;
        }
        List<ContentPart> list = ((MessageContent.Parts) content).parts();
        for (int j = 0; j < list.size(); j++) {
            ContentPart part = list.get(j);
            String partPath = path + ".content[" + j + "]";
            if (part instanceof ContentPart.TextPart text) {
                addText(parts, text.text());
            } else if (part instanceof ContentPart.ImagePart image) {
                parts.add(image(image.url(), partPath + ".image_url.url"));
            } else if (part instanceof ContentPart.OtherPart other) {
                throw new UntranslatableRequestException(
                        partPath, "the gemini provider sends text and image parts, not '" + other.type() + "'");
            }
        }
    }

    private static void modelParts(AssistantMessage assistant, String path, ArrayNode parts) {
        addText(parts, assistant.content());
        addText(parts, assistant.refusal());
        boolean first = true;
        for (int k = 0; k < assistant.toolCalls().size(); k++) {
            ToolCall call = assistant.toolCalls().get(k);
            ObjectNode part = parts.addObject();
            ObjectNode functionCall = part.putObject("functionCall");
            functionCall.put("name", call.name());
            functionCall.set(
                    "args", ToolArguments.parse(call.arguments(), path + ".tool_calls[" + k + "].function.arguments"));
            if (first) {
                part.put("thoughtSignature", SKIP_SIGNATURE);
                first = false;
            }
        }
    }

    private static ObjectNode functionResponse(String name, String content) {
        ObjectNode part = Wire.NODES.objectNode();
        ObjectNode response = part.putObject("functionResponse");
        response.put("name", name);
        JsonNode parsed = null;
        try {
            parsed = content.isBlank() ? null : Wire.JSON.readTree(content);
        } catch (IOException notJson) {
            // plain text: wrapped below
        }
        if (parsed != null && parsed.isObject()) {
            response.set("response", parsed);
        } else {
            // Gemini reads "output" as the function's output when the response is not an object.
            ObjectNode wrapped = response.putObject("response");
            if (parsed != null) {
                wrapped.set("output", parsed);
            } else {
                wrapped.put("output", content);
            }
        }
        return part;
    }

    private static ObjectNode image(String url, String param) {
        ObjectNode part = Wire.NODES.objectNode();
        if (DataUrl.isDataUrl(url)) {
            DataUrl data = DataUrl.parse(url, param);
            ObjectNode inline = part.putObject("inlineData");
            inline.put("mimeType", data.mediaType());
            inline.put("data", data.base64());
            return part;
        }
        ObjectNode file = part.putObject("fileData");
        String mimeType = guessImageType(url);
        if (mimeType != null) {
            file.put("mimeType", mimeType);
        }
        file.put("fileUri", url);
        return part;
    }

    private static String guessImageType(String url) {
        String path = url;
        int end = path.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = path.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        path = path.substring(0, end);
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return null;
        }
        return IMAGE_TYPES_BY_EXTENSION.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Gemini refuses empty text parts; an empty text says nothing, so it is left out. */
    private static void addText(ArrayNode parts, String text) {
        if (text != null && !text.isEmpty()) {
            parts.addObject().put("text", text);
        }
    }
}
