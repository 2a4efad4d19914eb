package dev.clod.gateway.account;

import dev.clod.gateway.api.InvalidRequestException;

/** The one rule for project and key names. */
final class Names {

    static final int MAX_LENGTH = 200;

    private Names() {}

    /** {@code name} trimmed, or an error naming the {@code name} parameter. */
    static String valid(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("a " + what + " needs a name", "name");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidRequestException(
                    "a " + what + " name may have at most " + MAX_LENGTH + " characters, got " + trimmed.length(),
                    "name");
        }
        return trimmed;
    }
}
