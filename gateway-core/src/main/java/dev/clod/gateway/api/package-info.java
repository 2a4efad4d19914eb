/**
 * The gateway's own chat model: what a caller sends and gets back, independent of any provider.
 *
 * <p>It follows OpenAI's chat-completions vocabulary because that is what every client speaks, but
 * these are plain records: provider adapters translate to and from their own wire types, and
 * routing, the ledger and the Camel component see only these.
 */
package dev.clod.gateway.api;
