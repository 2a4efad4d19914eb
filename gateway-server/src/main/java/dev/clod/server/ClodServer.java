package dev.clod.server;

import dev.clod.gateway.Gateway;
import dev.clod.gateway.config.GatewayConfig;
import dev.clod.server.http.Routes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** The running HTTP server: a gateway and its routes on a Vert.x event loop. */
public final class ClodServer implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;
    private final Gateway gateway;
    private final ServerStore store;

    private ClodServer(Vertx vertx, HttpServer server, Gateway gateway, ServerStore store) {
        this.vertx = vertx;
        this.server = server;
        this.gateway = gateway;
        this.store = store;
    }

    /**
     * Starts serving and returns once the port is bound. Port 0 binds a free port; {@link #port()} tells
     * which.
     */
    public static ClodServer start(GatewayConfig config, ApiKeys keys, Clock clock) {
        ServerStore store = ServerStore.open(config.store(), clock);
        Gateway gateway = Gateway.create(config, clock);
        store.attach(gateway);
        keys.useAccounts(store.accounts());
        Vertx vertx = Vertx.vertx();
        try {
            HttpServerOptions options = new HttpServerOptions()
                    .setHost(config.server().host())
                    .setPort(config.server().port())
                    .setTcpNoDelay(true)
                    // Some clients (LangChain4j's JDK client) offer an h2c upgrade on every request.
                    .setHttp2ClearTextEnabled(true);
            HttpServer server = vertx.createHttpServer(options)
                    .requestHandler(Routes.create(
                            vertx, gateway, keys, store, config.server().maxBodyBytes(), clock))
                    .listen()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            return new ClodServer(vertx, server, gateway, store);
        } catch (Exception failed) {
            gateway.close();
            vertx.close();
            store.close();
            Throwable cause = failed.getCause() != null ? failed.getCause() : failed;
            throw new IllegalStateException(
                    "Could not listen on " + config.server().host() + ":"
                            + config.server().port() + ": " + cause.getMessage(),
                    cause);
        }
    }

    public int port() {
        return server.actualPort();
    }

    public Gateway gateway() {
        return gateway;
    }

    public ServerStore store() {
        return store;
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // Closing anyway: the event loops below stop every connection.
        } finally {
            gateway.close();
            vertx.close();
            // Last: the ledger drains every record of the requests that just finished.
            store.close();
        }
    }
}
