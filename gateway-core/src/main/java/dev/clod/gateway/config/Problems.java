package dev.clod.gateway.config;

import java.util.ArrayList;
import java.util.List;

/** Problems found while binding, in the order met, so one load reports all of them at once. */
final class Problems {

    private final List<String> messages = new ArrayList<>();

    void add(String path, String message) {
        messages.add(path.isEmpty() ? message : path + ": " + message);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    int size() {
        return messages.size();
    }

    void throwIfAny(String source) {
        if (!messages.isEmpty()) {
            throw new ConfigException(source, messages);
        }
    }
}
