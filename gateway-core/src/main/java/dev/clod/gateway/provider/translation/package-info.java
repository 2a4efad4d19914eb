/**
 * What the adapters to non-OpenAI wire formats share when they translate a conversation: reading
 * {@code data:} URLs, finding the call each tool result answers, turning tool arguments into JSON
 * objects, and the error a request gets when it holds something the upstream's format cannot carry.
 */
package dev.clod.gateway.provider.translation;
