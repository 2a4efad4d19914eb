package dev.clod.camel;

import dev.clod.gateway.config.ConfigLoader;
import dev.clod.gateway.config.GatewayConfig;
import dev.clod.gateway.config.ServerSettings;
import dev.clod.server.ApiKeys;
import dev.clod.server.ClodServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Catalogs from test resources, and real gateway servers on free loopback ports for remote mode. */
final class TestGateways {

    static final String API_KEY = "sk-clod-camel-test";
    static final String ADMIN_KEY = "sk-clod-camel-test-admin";

    private TestGateways() {}

    /** The test catalog, with {@code ${VAR}}s taken from {@code env}. */
    static GatewayConfig catalog(String resource, Map<String, String> env) {
        try (InputStream in = TestGateways.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return ConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource, env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server on {@code loaded}'s catalog that accepts {@link #API_KEY}. */
    static ClodServer server(GatewayConfig loaded) {
        GatewayConfig config = loaded.withServer(
                        new ServerSettings("127.0.0.1", 0, loaded.server().maxBodyBytes()))
                .withAdminKey(ADMIN_KEY)
                .withStore(loaded.store()
                        .withDatabaseUrl(
                                "jdbc:h2:mem:clod-camel-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        ApiKeys keys = new ApiKeys();
        keys.add(API_KEY, new ApiKeys.Caller("camel-test", false, null));
        keys.add(ADMIN_KEY, new ApiKeys.Caller("admin", true, null));
        return ClodServer.start(config, keys, Clock.systemUTC());
    }

    static String baseUrl(ClodServer server) {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }
}
