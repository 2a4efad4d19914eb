package dev.clod.gateway.config;

import java.util.Map;

/**
 * Environment variables that win over the file, so one image can run anywhere: {@value #HOST},
 * {@value #PORT}, {@value #ADMIN_KEY}, {@value #DB_URL}; {@value #DATA_DIR} moves the default H2 file. An
 * unset or blank variable overrides nothing.
 */
final class EnvOverrides {

    static final String HOST = "CLOD_HOST";
    static final String PORT = "CLOD_PORT";
    static final String ADMIN_KEY = "CLOD_ADMIN_KEY";
    static final String DB_URL = "CLOD_DB_URL";
    static final String DATA_DIR = "CLOD_DATA_DIR";
    static final String DEFAULT_DATA_DIR = "./data";

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

    StoreSettings store(StoreSettings fromFile) {
        String url = value(DB_URL);
        if (url == null) {
            return fromFile;
        }
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            binding.problem(DB_URL, "\"" + url + "\" is not a jdbc:h2: or jdbc:postgresql: URL");
            return fromFile;
        }
        return fromFile.withDatabaseUrl(url);
    }

    /** Where the default H2 database lives: {@value #DATA_DIR}, else {@value #DEFAULT_DATA_DIR}. */
    static String dataDir(Map<String, String> env) {
        String dir = env.get(DATA_DIR);
        return dir == null || dir.isBlank() ? DEFAULT_DATA_DIR : dir.strip();
    }

    private String value(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
