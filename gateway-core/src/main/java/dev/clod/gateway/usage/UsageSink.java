package dev.clod.gateway.usage;

import java.util.concurrent.CompletionStage;

/**
 * Receives every {@link UsageRecord} the gateway writes, once per request. Called on the thread that
 * finished the request, so an implementation must be thread-safe and must not block: a durable
 * ledger hands the record to its own writer and completes the returned stage once the record is as
 * durable as it promises (committed, for a synchronous ledger).
 *
 * <p>The gateway delivers a successful answer's last byte only after every sink's stage completed, so
 * a caller never holds an answer that was not billed. A stage that fails fails that request.
 */
@FunctionalInterface
public interface UsageSink {

    CompletionStage<Void> record(UsageRecord record);
}
