package dev.clod.gateway.provider.anthropic;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the conversation into Messages API turns:
 *
 * <ul>
 *   <li>user and tool messages are {@code user} turns, assistant messages {@code assistant} turns;
 *       consecutive messages of one role are merged into one turn, so the tool results answering one
 *       assistant turn travel together, as Anthropic requires, with the {@code tool_result} blocks
 *       first;
 *   <li>an assistant's tool calls become {@code tool_use} blocks with their arguments as an object;
 *   <li>images become {@code image} blocks: a {@code data:} URL a {@code base64} source, an http(s)
 *       URL a {@code url} source;
 *   <li>tool-call ids are kept, with any character Anthropic's id pattern refuses replaced by
 *       {@code _} in both the call and its result, so ids from another provider family still pair up.
 * </ul>
 */
final class ContentTranslator {

    /** The image types the Messages API takes. */
    static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private static final Pattern NOT_ID = Pattern.compile("[^a-zA-Z0-9_-]");

    private ContentTranslator() {}

    static ArrayNode messages(List<ChatMessage> messages) {
        ToolCallIndex calls = ToolCallIndex.of(messages);
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            String path = "messages[" + i + "]";
            if (message instanceof SystemMessage) {
                continue;
            }
            String role = message instanceof AssistantMessage ? "assistant" : "user";
            List<ObjectNode> blocks = blocks(message, path, calls);
            if (blocks.isEmpty()) {
                // An assistant turn with neither text nor calls says nothing; Anthropic refuses empty turns.
                continue;
            }
            Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
            if (last != null && last.role.equals(role)) {
                last.add(blocks);
            } else {
                turns.add(new Turn(role, blocks, message));
            }
        }
        ArrayNode out = Wire.NODES.arrayNode();
        for (Turn turn : turns) {
            out.add(turn.write());
        }
        return out;
    }

    private static List<ObjectNode> blocks(ChatMessage message, String path, ToolCallIndex calls) {
        List<ObjectNode> blocks = new ArrayList<>();
        if (message instanceof UserMessage user) {
            userBlocks(user.content(), path, blocks);
        } else if (message instanceof AssistantMessage assistant) {
            // A refusal the client replays is what the assistant said.
            addText(blocks, assistant.content());
            addText(blocks, assistant.refusal());
            for (int k = 0; k < assistant.toolCalls().size(); k++) {
                ToolCall call = assistant.toolCalls().get(k);
                ObjectNode use = Wire.NODES.objectNode();
                use.put("type", "tool_use");
                use.put("id", toolUseId(call.id()));
                use.put("name", call.name());
                use.set(
                        "input",
                        ToolArguments.parse(call.arguments(), path + ".tool_calls[" + k + "].function.arguments"));
                blocks.add(use);
            }
        } else if (message instanceof ToolMessage tool) {
            calls.answered(tool.toolCallId(), path + ".tool_call_id");
            ObjectNode result = Wire.NODES.objectNode();
            result.put("type", "tool_result");
            result.put("tool_use_id", toolUseId(tool.toolCallId()));
            if (!tool.content().isEmpty()) {
                result.put("content", tool.content());
            }
            blocks.add(result);
        }
        return blocks;
    }

    private static void userBlocks(MessageContent content, String path, List<ObjectNode> blocks) {
        if (content instanceof MessageContent.Text text) {
            addText(blocks, text.value());
            return;
        }
        List<ContentPart> parts = ((MessageContent.Parts) content).parts();
        for (int j = 0; j < parts.size(); j++) {
            ContentPart part = parts.get(j);
            String partPath = path + ".content[" + j + "]";
            if (part instanceof ContentPart.TextPart text) {
                addText(blocks, text.text());
            } else if (part instanceof ContentPart.ImagePart image) {
                blocks.add(image(image.url(), partPath + ".image_url.url"));
            } else if (part instanceof ContentPart.OtherPart other) {
                throw new UntranslatableRequestException(
                        partPath, "Anthropic's Messages API takes text and image parts, not '" + other.type() + "'");
            }
        }
    }

    private static ObjectNode image(String url, String param) {
        ObjectNode block = Wire.NODES.objectNode();
        block.put("type", "image");
        ObjectNode source = block.putObject("source");
        if (DataUrl.isDataUrl(url)) {
            DataUrl data = DataUrl.parse(url, param);
            if (!IMAGE_TYPES.contains(data.mediaType())) {
                throw new UntranslatableRequestException(
                        param,
                        "Anthropic takes images of type image/jpeg, image/png, image/gif or image/webp, not "
                                + data.mediaType());
            }
            source.put("type", "base64");
            source.put("media_type", data.mediaType());
            source.put("data", data.base64());
        } else if (url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7)) {
            source.put("type", "url");
            source.put("url", url);
        } else {
            throw new UntranslatableRequestException(param, "an image must be an http(s) URL or a base64 data URL");
        }
        return block;
    }

    /** Anthropic refuses empty text blocks; an empty text says nothing, so it is left out. */
    private static void addText(List<ObjectNode> blocks, String text) {
        if (text != null && !text.isEmpty()) {
            blocks.add(Wire.NODES.objectNode().put("type", "text").put("text", text));
        }
    }

    /** The id as Anthropic's pattern {@code ^[a-zA-Z0-9_-]+$} accepts it; the same input, the same id. */
    static String toolUseId(String id) {
        return id.isEmpty() ? "_" : NOT_ID.matcher(id).replaceAll("_");
    }

    /** One turn being assembled from consecutive messages of one role. */
    private static final class Turn {
        private final String role;
        private final List<ObjectNode> results = new ArrayList<>();
        private final List<ObjectNode> others = new ArrayList<>();
        /** A lone plain-text user message is sent as a string, the form the API reference shows first. */
        private boolean plainText;

        Turn(String role, List<ObjectNode> blocks, ChatMessage first) {
            this.role = role;
            this.plainText = first instanceof UserMessage user && user.content() instanceof MessageContent.Text;
            sort(blocks);
        }

        void add(List<ObjectNode> blocks) {
            plainText = false;
            sort(blocks);
        }

        private void sort(List<ObjectNode> blocks) {
            for (ObjectNode block : blocks) {
                // Tool results must open the user turn that carries them.
                (block.path("type").asText().equals("tool_result") ? results : others).add(block);
            }
        }

        ObjectNode write() {
            ObjectNode turn = Wire.NODES.objectNode();
            turn.put("role", role);
            if (plainText && results.isEmpty() && others.size() == 1) {
                turn.put("content", others.get(0).path("text").asText());
                return turn;
            }
            ArrayNode content = turn.putArray("content");
            results.forEach(content::add);
            others.forEach(content::add);
            return turn;
        }
    }
}
