package dev.clod.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chat-completion request as the caller wrote it.
 *
 * <p>{@code model} is the caller's model string, strategy tags included; the gateway resolves it and
 * each provider adapter replaces it with the upstream's own model name. Fields this gateway does not
 * interpret ({@code n}, {@code logprobs}, {@code presence_penalty}, vendor extensions, …) are kept in
 * {@code extensions} in arrival order and forwarded to OpenAI-compatible upstreams unchanged.
 */
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        boolean stream,
        boolean includeUsage,
        Integer maxTokens,
        Integer maxCompletionTokens,
        Double temperature,
        Double topP,
        List<String> stop,
        Long seed,
        String user,
        List<Tool> tools,
        ToolChoice toolChoice,
        Boolean parallelToolCalls,
        ResponseFormat responseFormat,
        Map<String, JsonNode> extensions) {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
        tools = tools == null ? List.of() : List.copyOf(tools);
        extensions =
                extensions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** A request with only a model and messages. */
    public static ChatRequest of(String model, List<ChatMessage> messages) {
        return builder(model).messages(messages).build();
    }

    public static Builder builder(String model) {
        return new Builder(model);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The output limit the caller asked for, whichever of the two fields carried it. */
    public Integer outputLimit() {
        return maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
    }

    /** A copy with another model string, as an adapter sends it upstream. */
    public ChatRequest withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    public static final class Builder {
        private String model;
        private List<ChatMessage> messages = List.of();
        private boolean stream;
        private boolean includeUsage;
        private Integer maxTokens;
        private Integer maxCompletionTokens;
        private Double temperature;
        private Double topP;
        private List<String> stop = List.of();
        private Long seed;
        private String user;
        private List<Tool> tools = List.of();
        private ToolChoice toolChoice;
        private Boolean parallelToolCalls;
        private ResponseFormat responseFormat;
        private Map<String, JsonNode> extensions = Map.of();

        private Builder(String model) {
            this.model = model;
        }

        private Builder(ChatRequest r) {
            model = r.model;
            messages = r.messages;
            stream = r.stream;
            includeUsage = r.includeUsage;
            maxTokens = r.maxTokens;
            maxCompletionTokens = r.maxCompletionTokens;
            temperature = r.temperature;
            topP = r.topP;
            stop = r.stop;
            seed = r.seed;
            user = r.user;
            tools = r.tools;
            toolChoice = r.toolChoice;
            parallelToolCalls = r.parallelToolCalls;
            responseFormat = r.responseFormat;
            extensions = r.extensions;
        }

        public Builder model(String value) {
            model = value;
            return this;
        }

        public Builder messages(List<ChatMessage> value) {
            messages = value;
            return this;
        }

        public Builder stream(boolean value) {
            stream = value;
            return this;
        }

        public Builder includeUsage(boolean value) {
            includeUsage = value;
            return this;
        }

        public Builder maxTokens(Integer value) {
            maxTokens = value;
            return this;
        }

        public Builder maxCompletionTokens(Integer value) {
            maxCompletionTokens = value;
            return this;
        }

        public Builder temperature(Double value) {
            temperature = value;
            return this;
        }

        public Builder topP(Double value) {
            topP = value;
            return this;
        }

        public Builder stop(List<String> value) {
            stop = value;
            return this;
        }

        public Builder seed(Long value) {
            seed = value;
            return this;
        }

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder tools(List<Tool> value) {
            tools = value;
            return this;
        }

        public Builder toolChoice(ToolChoice value) {
            toolChoice = value;
            return this;
        }

        public Builder parallelToolCalls(Boolean value) {
            parallelToolCalls = value;
            return this;
        }

        public Builder responseFormat(ResponseFormat value) {
            responseFormat = value;
            return this;
        }

        public Builder extensions(Map<String, JsonNode> value) {
            extensions = value;
            return this;
        }

        public ChatRequest build() {
            return new ChatRequest(
                    model,
                    messages,
                    stream,
                    includeUsage,
                    maxTokens,
                    maxCompletionTokens,
                    temperature,
                    topP,
                    stop,
                    seed,
                    user,
                    tools,
                    toolChoice,
                    parallelToolCalls,
                    responseFormat,
                    extensions);
        }
    }
}
