package dev.clod.gateway.api;

/** One message of a conversation, closed over the four roles a chat model understands. */
public sealed interface ChatMessage permits SystemMessage, UserMessage, AssistantMessage, ToolMessage {

    /** The role name on OpenAI's wire ({@code system}, {@code user}, {@code assistant}, {@code tool}). */
    String role();
}
