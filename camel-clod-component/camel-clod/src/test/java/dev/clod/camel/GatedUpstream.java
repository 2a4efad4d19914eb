package dev.clod.camel;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An OpenAI-compatible upstream that streams two pieces, then holds the rest of its answer until the
 * test opens the gate. A reader that only sees pieces once the stream has ended never opens it, and the
 * upstream records that it gave up waiting. Two pieces, because Camel's splitter looks one element
 * ahead (to mark the last one) before it hands on the current one.
 */
final class GatedUpstream implements AutoCloseable {

    private static final String CHUNK = "{\"id\":\"gated-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"gated\",\"choices\":[%s]%s}";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicBoolean openedByReader = new AtomicBoolean();

    GatedUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("content-type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                send(out, choice("{\"role\":\"assistant\",\"content\":\"first\"}", null));
                send(out, choice("{\"content\":\" second\"}", null));
                try {
                    // A safety net so a broken reader fails the test instead of hanging it.
                    openedByReader.set(gate.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(out, choice("{\"content\":\" third\"}", null));
                send(out, choice("{}", "stop"));
                send(
                        out,
                        String.format(
                                CHUNK,
                                "",
                                ",\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":3,\"total_tokens\":6}"));
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Lets the upstream finish its answer. */
    void open() {
        gate.countDown();
    }

    /** Whether the gate was opened while the upstream was still holding its answer. */
    boolean openedByReader() {
        return openedByReader.get();
    }

    private static String choice(String delta, String finishReason) {
        String finish = finishReason == null ? "null" : "\"" + finishReason + "\"";
        return String.format(CHUNK, "{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}", "");
    }

    private static void send(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        gate.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
