package dev.clod.gateway.usage;

/**
 * A usage record was not stored: the ledger is full, closed, the record cannot be stored as it is, or
 * the database kept failing. The message says which.
 */
public final class UsageLedgerException extends RuntimeException {

    public UsageLedgerException(String message) {
        super(message);
    }

    public UsageLedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
