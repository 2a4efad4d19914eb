package dev.clod.server.http;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh request ids: 128 random bits in hex. The gateway always makes its own rather than trusting a
 * client's, since the id names the response and, later, the ledger record.
 */
final class RequestIds {

    private RequestIds() {}

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex(random.nextLong()) + hex(random.nextLong());
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
