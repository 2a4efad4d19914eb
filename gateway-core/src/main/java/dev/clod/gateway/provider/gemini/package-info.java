/**
 * The {@code gemini} provider kind: Google's Gemini API ({@code generateContent} and {@code
 * streamGenerateContent}). {@link dev.clod.gateway.provider.gemini.GeminiProvider} is the public face;
 * the rest translates the gateway's OpenAI-shaped requests to Gemini requests and the answers, stream
 * events and errors back. No Gemini wire type leaves this package.
 */
package dev.clod.gateway.provider.gemini;
