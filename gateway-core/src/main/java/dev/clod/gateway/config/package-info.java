/**
 * The gateway's configuration: one YAML file bound into typed, validated records at load.
 *
 * <p>{@link dev.clod.gateway.config.ConfigLoader} is the entry point. Unknown keys, wrong types and
 * broken references fail the load with a {@link dev.clod.gateway.config.ConfigException} whose message
 * names the exact path of every bad node, e.g. {@code models[1].deployments[0].price_per_1m.input}.
 */
package dev.clod.gateway.config;
