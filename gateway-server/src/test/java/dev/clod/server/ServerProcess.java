package dev.clod.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway server in a process of its own, started as {@code java … dev.clod.server.Main serve} with
 * this JVM's class path, so a test can kill it like an operator's {@code kill -9} would.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/v1");

    private final Process process;
    private final int port;
    private final List<String> output;

    private ServerProcess(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Starts a server with these environment variables (CLOD_PORT=0 is added) and waits until it listens. */
    static ServerProcess start(Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve")
                .redirectErrorStream(true);
        builder.environment().put("CLOD_PORT", "0");
        builder.environment().putAll(env);
        Process process = builder.start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            output.add(line);
                            Matcher listening = LISTENING.matcher(line);
                            if (listening.find()) {
                                port.complete(Integer.parseInt(listening.group(1)));
                            }
                        }
                    } catch (IOException ended) {
                        // the process is gone
                    }
                    port.completeExceptionally(new IllegalStateException("the server exited: " + output));
                },
                "server-output");
        reader.setDaemon(true);
        reader.start();
        return new ServerProcess(process, port.get(60, TimeUnit.SECONDS), output);
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    List<String> output() {
        return List.copyOf(output);
    }

    /** Ends the process at once, as SIGKILL does: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
