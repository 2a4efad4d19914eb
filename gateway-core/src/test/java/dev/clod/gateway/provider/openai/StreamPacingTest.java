package dev.clod.gateway.provider.openai;

import static dev.clod.gateway.provider.openai.TestUpstream.call;
import static dev.clod.gateway.provider.openai.TestUpstream.hello;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clod.gateway.provider.RecordingListener;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An upstream that holds the rest of its stream until the listener has the first chunk: proof that
 * chunks are handed on as they arrive, and that cancelling hangs up on the upstream.
 */
class StreamPacingTest {

    private static final String CHUNK = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":7,"
            + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":%s}]}\n\n";

    private final CountDownLatch firstChunkSeen = new CountDownLatch(1);
    /** Completes with whether the listener had the first chunk before the server sent anything more. */
    private final CompletableFuture<Boolean> heldUntilSeen = new CompletableFuture<>();
    /** Completes with whether the client hung up while the server kept writing. */
    private final CompletableFuture<Boolean> hungUp = new CompletableFuture<>();

    private volatile boolean keepWriting;
    private HttpServer server;
    private OpenAiProvider provider;

    @BeforeEach
    void startUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        provider = TestUpstream.provider(base, Duration.ofSeconds(5));
    }

    @AfterEach
    void stopUpstream() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            write(out, String.format(CHUNK, "first", "null"));
            heldUntilSeen.complete(await(firstChunkSeen));
            if (keepWriting) {
                // Until the client hangs up; a client still reading would take all of these.
                for (int i = 0; i < 100_000; i++) {
                    write(out, String.format(CHUNK, "more", "null"));
                }
                hungUp.complete(false);
            } else {
                write(out, String.format(CHUNK, " second", "\"stop\""));
                write(out, "data: [DONE]\n\n");
            }
        } catch (IOException e) {
            hungUp.complete(true);
        } finally {
            exchange.close();
        }
    }

    @Test
    void handsOnEachChunkBeforeTheNextArrives() throws Exception {
        RecordingListener listener = new RecordingListener(chunk -> firstChunkSeen.countDown());

        provider.stream(call(hello()), listener);

        assertThat(listener.awaitEnd()).isNull();
        assertThat(heldUntilSeen.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(listener.text()).isEqualTo("first second");
        assertThat(listener.violations).isEmpty();
    }

    @Test
    void cancelHangsUpAndDeliversNothingMore() throws Exception {
        keepWriting = true;
        CompletableFuture<Runnable> cancel = new CompletableFuture<>();
        RecordingListener listener = new RecordingListener(chunk -> {
            cancel.join().run();
            firstChunkSeen.countDown();
        });

        var handle = provider.stream(call(hello()), listener);
        cancel.complete(handle::cancel);

        assertThat(hungUp.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(listener.text()).isEqualTo("first");
        assertThat(listener.done).isNotDone();
        assertThat(listener.violations).isEmpty();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
