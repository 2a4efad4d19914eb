/**
 * The {@code anthropic} provider kind: Anthropic's Messages API ({@code POST /v1/messages}). {@link
 * dev.clod.gateway.provider.anthropic.AnthropicProvider} is the public face; the rest translates the
 * gateway's OpenAI-shaped requests to Messages requests and the answers, stream events and errors
 * back. No Anthropic wire type leaves this package.
 */
package dev.clod.gateway.provider.anthropic;
