/**
 * OpenAI's chat-completions JSON, read into and written from the gateway's own records.
 *
 * <p>{@link dev.clod.gateway.api.json.ChatJson} is the whole public face. The mapping is written by
 * hand over Jackson's tree and generator so the records stay free of annotations and so a request
 * error can name the exact parameter at fault, as OpenAI does.
 */
package dev.clod.gateway.api.json;
