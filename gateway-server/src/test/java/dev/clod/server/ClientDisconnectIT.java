package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that hangs up in the middle of a stream stops the upstream call: the gateway does not go
 * on paying for tokens nobody reads.
 */
class ClientDisconnectIT {

    private static final int MAX_CHUNKS = 500;

    private HttpServer upstream;
    private RunningServer server;
    private final CountDownLatch firstChunkSent = new CountDownLatch(1);
    private final CountDownLatch upstreamHungUpOn = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("content-type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                // An endless answer, one chunk every 20 ms (bounded, so the test can never hang):
                // writing fails once the gateway hangs up.
                for (int i = 0; i < MAX_CHUNKS; i++) {
                    out.write(("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                                    + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok \"},\"finish_reason\":null}]}\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    firstChunkSent.countDown();
                    if (upstreamHungUpOn.await(20, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } catch (IOException hungUp) {
                upstreamHungUpOn.countDown();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        upstream.start();
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1";
        server = RunningServer.withCatalog("/test-catalog.yaml", Map.of("UPSTREAM_URL", base));
    }

    @AfterEach
    void stop() {
        server.close();
        upstream.stop(0);
    }

    @Test
    void hangingUpMidStreamStopsTheUpstreamCall() throws Exception {
        String body = "{\"model\": \"wired-answer\", \"stream\": true,"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Talk forever\"}]}";
        try (Socket client = new Socket("127.0.0.1", server.port())) {
            Writer request = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
            request.write("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + RunningServer.USER_KEY + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
            request.flush();
            BufferedReader response =
                    new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            assertThat(response.readLine()).isEqualTo("HTTP/1.1 200 OK");
            String line;
            do {
                line = response.readLine();
            } while (line != null && !line.contains("tok "));
            assertThat(line).as("a first chunk reached the client").isNotNull();
        }

        assertThat(upstreamHungUpOn.await(10, TimeUnit.SECONDS))
                .as("the upstream saw the gateway hang up")
                .isTrue();
    }
}
