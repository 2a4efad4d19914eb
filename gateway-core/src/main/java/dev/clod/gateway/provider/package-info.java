/**
 * The provider SPI: one {@link dev.clod.gateway.provider.ChatProvider} per upstream API. Adapters
 * live in sub-packages ({@code openai}, {@code simulated}, …) and keep their wire types there.
 */
package dev.clod.gateway.provider;
