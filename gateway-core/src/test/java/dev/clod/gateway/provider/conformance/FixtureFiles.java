package dev.clod.gateway.provider.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads recorded upstream traffic from {@code fixtures/<provider>/<scenario>/}. */
public final class FixtureFiles {

    private final String provider;

    public FixtureFiles(String provider) {
        this.provider = provider;
    }

    public byte[] bytes(String path) {
        String resource = "/fixtures/" + provider + "/" + path;
        try (InputStream in = FixtureFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    public boolean exists(String path) {
        return FixtureFiles.class.getResource("/fixtures/" + provider + "/" + path) != null;
    }

    /** A {@code headers.txt} of {@code name: value} lines; empty when the file does not exist. */
    public Map<String, String> headers(String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!exists(path)) {
            return headers;
        }
        for (String line : text(path).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).trim(),
                        line.substring(colon + 1).trim());
            }
        }
        return headers;
    }
}
