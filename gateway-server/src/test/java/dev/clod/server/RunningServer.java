package dev.clod.server;

import dev.clod.gateway.config.ApiKeyConfig;
import dev.clod.gateway.config.ConfigLoader;
import dev.clod.gateway.config.GatewayConfig;
import dev.clod.gateway.config.ServerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** A gateway server on a free loopback port, for tests that talk to it over HTTP. */
final class RunningServer implements AutoCloseable {

    static final String ADMIN_KEY = "sk-clod-test-admin";
    static final String USER_KEY = "sk-clod-test-user";

    private final ClodServer server;

    private RunningServer(ClodServer server) {
        this.server = server;
    }

    /** The server on a catalog from a test resource, with {@code ${VAR}}s taken from {@code env}. */
    static RunningServer withCatalog(String resource, Map<String, String> env) {
        return start(ConfigLoader.parse(read(resource), resource, env));
    }

    /** The server on the embedded demo catalog, as {@code java -jar} with no configuration runs it. */
    static RunningServer embeddedDefault() {
        return start(ConfigLoader.embeddedDefault(Map.of()));
    }

    private static RunningServer start(GatewayConfig loaded) {
        GatewayConfig config = loaded.withServer(
                        new ServerSettings("127.0.0.1", 0, loaded.server().maxBodyBytes()))
                .withAdminKey(ADMIN_KEY)
                .withStore(loaded.store().withDatabaseUrl(inMemoryDatabase()));
        ApiKeys keys = new ApiKeys();
        keys.add(ADMIN_KEY, new ApiKeys.Caller("admin", true, null));
        keys.add(USER_KEY, new ApiKeys.Caller("test-user", false, null));
        for (ApiKeyConfig key : config.apiKeys()) {
            keys.add(key.key(), new ApiKeys.Caller(key.name(), false, key.defaultStrategy()));
        }
        return new RunningServer(ClodServer.start(config, keys, Clock.systemUTC()));
    }

    /** A database of this server's own, gone with the JVM. */
    static String inMemoryDatabase() {
        return "jdbc:h2:mem:clod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** The base URL as clients take it, ending in {@code /v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    int port() {
        return server.port();
    }

    ClodServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }

    private static String read(String resource) {
        try (InputStream in = RunningServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
