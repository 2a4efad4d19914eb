package dev.clod.gateway.usage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** When the ledger tells the gateway that a usage record is safe; config names {@code sync}, {@code async}. */
public enum Durability {
    /** A record's stage completes once the transaction holding it has committed. */
    SYNC,
    /**
     * A record's stage completes at once; the record is committed shortly after (see {@link
     * LedgerSettings#maxDelay()}). A crash of the process in between loses it.
     */
    ASYNC;

    /** The name used in configuration. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a configuration value.
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static Durability fromConfig(String value) {
        for (Durability durability : values()) {
            if (durability.configName().equals(value)) {
                return durability;
            }
        }
        throw new IllegalArgumentException("unknown usage durability '" + value + "': use one of "
                + Arrays.stream(values()).map(Durability::configName).collect(Collectors.joining(", ")));
    }
}
