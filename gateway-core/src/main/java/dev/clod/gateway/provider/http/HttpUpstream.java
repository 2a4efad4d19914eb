package dev.clod.gateway.provider.http;

import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.UpstreamException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * What every HTTP adapter keeps of its provider's configuration: its id, whether its key is missing,
 * the headers it sends on every call, the response timeout, and one HTTP/1.1 client that never follows
 * redirects (an API that redirects a POST is misconfigured, and a redirect would resend the key).
 */
public final class HttpUpstream {

    private final String id;
    private final String missingApiKey;
    private final Duration timeout;
    private final String[] headers;
    private final HttpClient client;

    /**
     * @param someEndpoint any URL the adapter calls, to check the headers against
     * @param missingApiKey why a key the configuration asks for is missing; when not null the provider is
     *     unavailable and calls nothing
     * @param headers name, value pairs sent on every call (see {@link RequestHeaders})
     * @throws IllegalArgumentException when a header may not be set by a client (such as {@code Host}),
     *     so that a bad configuration fails at start, not on the first call
     */
    public HttpUpstream(
            String id,
            URI someEndpoint,
            String missingApiKey,
            Duration connectTimeout,
            Duration timeout,
            String[] headers) {
        this.id = Objects.requireNonNull(id, "id");
        this.missingApiKey = missingApiKey;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.headers = headers.clone();
        HttpRequest.newBuilder(someEndpoint).headers(this.headers);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String id() {
        return id;
    }

    public boolean available() {
        return missingApiKey == null;
    }

    /** Why calls cannot be made, or null when they can. */
    public String unavailableReason() {
        return missingApiKey == null ? null : "provider '" + id + "' has no API key: " + missingApiKey;
    }

    /** The failure a call reports when the provider has no key: the deployment's credentials, not retried here. */
    public UpstreamException notConfigured(String deploymentId) {
        return new UpstreamException(FailureClass.CREDENTIAL, deploymentId, 0, unavailableReason(), null);
    }

    public HttpClient client() {
        return client;
    }

    /** A POST of a JSON body with the configured headers and timeout, asking for {@code accept}. */
    public HttpRequest post(URI endpoint, byte[] body, String accept) {
        return HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .headers(headers)
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
