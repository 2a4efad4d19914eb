/**
 * The {@code openai} provider kind: any server speaking OpenAI's chat-completions API (vLLM,
 * Ollama, Groq, Together, DeepSeek, OpenRouter, OpenAI itself). {@link
 * dev.clod.gateway.provider.openai.OpenAiProvider} is the public face; the rest translates HTTP
 * outcomes and server-sent events.
 */
package dev.clod.gateway.provider.openai;
