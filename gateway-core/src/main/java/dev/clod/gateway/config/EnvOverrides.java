package dev.clod.gateway.config;

import java.util.Map;

/**
 * Environment variables that win over the file, so one image can run anywhere: {@value #HOST},
 * {@value #PORT}, {@value #ADMIN_KEY}. An unset or blank variable overrides nothing.
 */
final class EnvOverrides {

    static final String HOST = "CLOD_HOST";
    static final String PORT = "CLOD_PORT";
    static final String ADMIN_KEY = "CLOD_ADMIN_KEY";

    private final Map<String, String> env;
    private final Binding binding;

    EnvOverrides(Map<String, String> env, Binding binding) {
        this.env = env;
        this.binding = binding;
    }

    ServerSettings server(ServerSettings fromFile) {
        String host = value(HOST);
        String portText = value(PORT);
        int port = fromFile.port();
        if (portText != null) {
            Long parsed = binding.whole(PORT, portText, 0, 65_535);
            if (parsed != null) {
                port = parsed.intValue();
            }
        }
        return new ServerSettings(host == null ? fromFile.host() : host, port, fromFile.maxBodyBytes());
    }

    String adminKey(String fromFile) {
        String key = value(ADMIN_KEY);
        return key == null ? fromFile : key;
    }

    private String value(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
