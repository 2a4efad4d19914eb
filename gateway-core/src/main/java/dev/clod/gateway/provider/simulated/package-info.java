/**
 * The {@code simulated} provider: an in-process stand-in for a model server, with a configurable time
 * to first token and token rate. It exists for demos, benchmarks and tests; it is never a fallback for
 * a real provider.
 */
package dev.clod.gateway.provider.simulated;
