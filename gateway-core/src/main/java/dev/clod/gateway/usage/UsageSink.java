package dev.clod.gateway.usage;

/**
 * Receives every {@link UsageRecord} the gateway writes. Called on the thread that finished the
 * request, once per request, so an implementation must be thread-safe and must not block: a durable
 * ledger hands the record to its own writer.
 */
@FunctionalInterface
public interface UsageSink {

    void record(UsageRecord record);
}
