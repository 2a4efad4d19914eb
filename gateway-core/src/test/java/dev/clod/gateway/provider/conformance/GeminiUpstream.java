package dev.clod.gateway.provider.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.provider.ChatProvider;
import dev.clod.gateway.provider.gemini.GeminiProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The {@code gemini} adapter against recorded Gemini API traffic ({@code fixtures/gemini}). */
final class GeminiUpstream extends RecordedUpstream {

    GeminiUpstream(WireMockExtension upstream, WireMockExtension slowUpstream) {
        super("gemini", upstream, slowUpstream);
    }

    @Override
    ChatProvider provider(URI baseUrl, Duration timeout) {
        return new GeminiProvider("gemini-test", baseUrl, KEY, null, Duration.ofSeconds(2), timeout, Map.of(), CLOCK);
    }

    @Override
    public String upstreamModel() {
        return "gemini-2.5-flash";
    }

    @Override
    String path(boolean stream) {
        return stream
                ? "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
                : "/v1beta/models/gemini-2.5-flash:generateContent";
    }

    @Override
    MappingBuilder authenticated(MappingBuilder stub) {
        return stub.withHeader("x-goog-api-key", equalTo(KEY)).withHeader("Content-Type", equalTo("application/json"));
    }

    @Override
    public List<ErrorCase> errorCases() {
        return List.of(
                error("error-400", 400, FailureClass.CALLER_FAULT, null),
                error("error-400-api-key", 400, FailureClass.CREDENTIAL, null),
                error("error-403", 403, FailureClass.CREDENTIAL, null),
                error("error-404", 404, FailureClass.MODEL_GONE, null),
                error("error-429", 429, FailureClass.RATE_LIMITED, Duration.ofSeconds(26)),
                error("error-500", 500, FailureClass.TRANSIENT, null),
                error("error-503", 503, FailureClass.TRANSIENT, null),
                error("error-504", 504, FailureClass.TIMEOUT, null));
    }

    private ErrorCase error(String fixture, int status, FailureClass failureClass, Duration retryAfter) {
        return new ErrorCase(fixture, status, failureClass, status, message(fixture, "/error/message"), retryAfter);
    }
}
