package dev.clod.camel;

import dev.clod.gateway.api.ChatMessage;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.api.SystemMessage;
import dev.clod.gateway.api.Tool;
import dev.clod.gateway.api.UserMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Message;

/**
 * Builds the request a {@code clod:chat} exchange asks for from its body, its headers and the endpoint's
 * options. The body is a {@code String} (one user message), a {@code List<ChatMessage>} or a whole
 * {@link ChatRequest}. Precedence for the model: the {@code CamelClodModel} header, then a request
 * body's model, then the {@code model} option. A request body's own settings win over the options.
 */
final class ChatRequests {

    private ChatRequests() {}

    static ChatRequest from(Message message, ClodConfiguration config, List<ClodTool> tools) {
        Object body = message.getBody();
        String headerModel = message.getHeader(ClodConstants.MODEL, String.class);
        ChatRequest.Builder builder;
        String model;
        List<ChatMessage> messages;
        Double temperature = config.getTemperature();
        Integer maxTokens = config.getMaxTokens();
        List<Tool> offered = new ArrayList<>();
        if (body instanceof ChatRequest request) {
            builder = request.toBuilder();
            model = headerModel != null ? headerModel : request.model();
            messages = request.messages();
            if (request.temperature() != null) {
                temperature = request.temperature();
            }
            if (request.outputLimit() != null) {
                maxTokens = null;
            }
            offered.addAll(request.tools());
        } else {
            builder = ChatRequest.builder("");
            model = headerModel != null ? headerModel : config.getModel();
            messages = body instanceof List<?> list ? messages(list) : List.of(userMessage(message));
        }
        if (model == null || model.isBlank()) {
            throw new InvalidRequestException(
                    "No model given: set the endpoint's model option, the " + ClodConstants.MODEL
                            + " header, or the model of a ChatRequest body.",
                    "model");
        }
        String system = message.getHeader(ClodConstants.SYSTEM_MESSAGE, config.getSystemMessage(), String.class);
        for (ClodTool tool : tools) {
            offered.add(tool.toApiTool());
        }
        builder.model(model)
                .messages(withSystem(system, messages))
                .temperature(temperature)
                .tools(offered);
        if (maxTokens != null) {
            builder.maxTokens(maxTokens);
        }
        return builder.build();
    }

    private static List<ChatMessage> messages(List<?> list) {
        List<ChatMessage> messages = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof ChatMessage chatMessage)) {
                throw new InvalidRequestException(
                        "A List body must hold ChatMessage records; element " + i + " is "
                                + (list.get(i) == null
                                        ? "null"
                                        : list.get(i).getClass().getName()) + ".",
                        "messages[" + i + "]");
            }
            messages.add(chatMessage);
        }
        return messages;
    }

    private static UserMessage userMessage(Message message) {
        String text = message.getBody(String.class);
        if (text == null) {
            throw new InvalidRequestException(
                    "The body is empty: send a String, a List<ChatMessage> or a ChatRequest.", "messages");
        }
        return UserMessage.of(text);
    }

    private static List<ChatMessage> withSystem(String system, List<ChatMessage> messages) {
        if (system == null || (!messages.isEmpty() && messages.get(0) instanceof SystemMessage)) {
            return messages;
        }
        List<ChatMessage> withSystem = new ArrayList<>(messages.size() + 1);
        withSystem.add(SystemMessage.of(system));
        withSystem.addAll(messages);
        return withSystem;
    }
}
