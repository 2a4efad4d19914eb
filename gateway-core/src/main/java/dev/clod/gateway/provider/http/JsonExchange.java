package dev.clod.gateway.provider.http;

import dev.clod.gateway.api.UpstreamException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * One non-streamed call: sends the request without blocking, and maps the outcome to the adapter's
 * answer or to an {@link UpstreamException}. Cancelling the returned future abandons the call.
 */
public final class JsonExchange {

    /** Reads a 2xx body; throws {@link UpstreamException} when it is not an answer. */
    @FunctionalInterface
    public interface AnswerReader<T> {
        T read(int status, byte[] body);
    }

    /** Classes a non-2xx answer. */
    @FunctionalInterface
    public interface ErrorReader {
        UpstreamException read(int status, HttpHeaders headers, byte[] body);
    }

    private JsonExchange() {}

    public static <T> CompletableFuture<T> send(
            HttpClient client, HttpRequest request, String deployment, AnswerReader<T> answer, ErrorReader error) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        exchange.whenComplete((response, thrown) -> {
            if (thrown != null) {
                result.completeExceptionally(TransportFailures.ofThrowable(thrown, deployment));
                return;
            }
            int status = response.statusCode();
            try {
                if (status / 100 != 2) {
                    result.completeExceptionally(error.read(status, response.headers(), response.body()));
                } else {
                    result.complete(answer.read(status, response.body()));
                }
            } catch (UpstreamException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                // A reader that trips over an answer it did not expect: the answer is the upstream's fault.
                result.completeExceptionally(TransportFailures.malformed(status, "an answer", e, deployment));
            }
        });
        result.whenComplete((ignored, thrown) -> {
            if (thrown instanceof CancellationException) {
                exchange.cancel(true);
            }
        });
        return result;
    }
}
