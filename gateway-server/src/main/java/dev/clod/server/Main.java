package dev.clod.server;

import dev.clod.gateway.account.JdbcAccountStore;
import dev.clod.gateway.config.ApiKeyConfig;
import dev.clod.gateway.config.ConfigException;
import dev.clod.gateway.config.ConfigLoader;
import dev.clod.gateway.config.GatewayConfig;
import dev.clod.gateway.store.Database;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar clod-gateway.jar [serve]}: runs the gateway. With no {@code CLOD_CONFIG} it serves
 * the embedded demo catalog and prints a generated admin key once. The other commands manage projects
 * and keys, or report what energy-aware routing would have saved ({@code savings}).
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> serve(System.getenv(), System.out);
            case "projects", "keys" -> System.exit(admin(command, List.of(args).subList(1, args.length)));
            case "savings" ->
                System.exit(new SavingsCommand(System.out, System.err)
                        .run(List.of(args).subList(1, args.length)));
            case "help", "--help", "-h" -> usage(System.out);
            default -> {
                System.err.println("Unknown command '" + command + "'.");
                usage(System.err);
                System.exit(2);
            }
        }
    }

    private static void serve(Map<String, String> env, PrintStream out) throws InterruptedException {
        GatewayConfig config;
        try {
            config = loadConfig(env);
        } catch (ConfigException invalid) {
            System.err.println("Configuration error: " + invalid.getMessage());
            System.exit(1);
            return;
        }
        boolean generated = config.adminKey() == null;
        String adminKey = generated ? ApiKeys.generate() : config.adminKey();
        ApiKeys keys = new ApiKeys();
        keys.add(adminKey, new ApiKeys.Caller("admin", true, null));
        for (ApiKeyConfig key : config.apiKeys()) {
            keys.add(key.key(), new ApiKeys.Caller(key.name(), false, key.defaultStrategy()));
        }
        ClodServer server;
        try {
            server = ClodServer.start(config, keys, Clock.systemUTC());
        } catch (IllegalStateException cannotListen) {
            System.err.println(cannotListen.getMessage());
            System.exit(1);
            return;
        }
        String base = "http://" + config.server().host() + ":" + server.port() + "/v1";
        out.println("clod gateway listening on " + base);
        out.println("catalog: " + config.catalog().models().size() + " models from "
                + (env.get("CLOD_CONFIG") == null ? "the embedded demo configuration" : env.get("CLOD_CONFIG")));
        out.println("usage ledger: " + config.store().databaseUrl().replaceAll("password=[^&;]*", "password=***") + " ("
                + (config.store().syncUsage() ? "sync" : "async") + ")");
        if (generated) {
            out.println("admin key (shown once, set CLOD_ADMIN_KEY to choose your own): " + adminKey);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "clod-shutdown"));
        stopped.await();
    }

    /** Runs a projects or keys command against the configured database. */
    static int admin(String noun, List<String> args) {
        GatewayConfig config;
        try {
            config = loadConfig(System.getenv());
        } catch (ConfigException invalid) {
            System.err.println("Configuration error: " + invalid.getMessage());
            return 1;
        }
        Database database;
        try {
            database = Database.open(config.store().databaseUrl(), 2);
        } catch (RuntimeException unreachable) {
            System.err.println("error: cannot open the database "
                    + config.store().databaseUrl().replaceAll("password=[^&;]*", "password=***") + ": "
                    + rootMessage(unreachable));
            return 1;
        }
        try (database) {
            return new AdminCommands(new JdbcAccountStore(database, Clock.systemUTC()), config.catalog(), System.out)
                    .run(noun, args);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    static GatewayConfig loadConfig(Map<String, String> env) {
        String path = env.get("CLOD_CONFIG");
        if (path == null || path.isBlank()) {
            return ConfigLoader.embeddedDefault(env);
        }
        return ConfigLoader.load(Path.of(path), env);
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar clod-gateway.jar [serve | projects ... | keys ... | savings ... | help]");
        out.println("  serve  run the gateway (default). Environment: CLOD_CONFIG (YAML file; none = demo catalog),");
        out.println(
                "         CLOD_HOST, CLOD_PORT (default 127.0.0.1:8080), CLOD_ADMIN_KEY, CLOD_DB_URL, CLOD_DATA_DIR.");
        out.println(AdminCommands.USAGE);
        out.println(SavingsCommand.USAGE);
    }
}
