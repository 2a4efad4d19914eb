package dev.clod.gateway.catalog;

/** What a model can do beyond plain chat; a request that needs one is routed only where it exists. */
public enum Capability {
    TOOLS,
    VISION,
    JSON
}
