package dev.clod.gateway.config;

import java.util.Objects;

/**
 * Where the HTTP server listens and how large a request body it accepts.
 *
 * @param port 0 asks the operating system for a free port
 */
public record ServerSettings(String host, int port, long maxBodyBytes) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port is 0..65535, got " + port);
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes is positive, got " + maxBodyBytes);
        }
    }

    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES);
    }
}
