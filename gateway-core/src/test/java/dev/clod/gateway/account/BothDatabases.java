package dev.clod.gateway.account;

import dev.clod.gateway.store.TestDatabases;
import java.util.stream.Stream;

/** Store tests run once on H2 and once on PostgreSQL; the kind is the test's argument. */
public final class BothDatabases {

    private BothDatabases() {}

    public static Stream<String> kinds() {
        return Stream.of("h2", "postgresql");
    }

    /** A fresh, empty database of that kind; PostgreSQL may skip the test when none is reachable. */
    public static String url(String kind) {
        return switch (kind) {
            case "h2" -> TestDatabases.h2Url();
            case "postgresql" -> TestDatabases.postgresUrl();
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
