package dev.clod.gateway.provider.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.provider.ChatProvider;
import dev.clod.gateway.provider.anthropic.AnthropicProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The {@code anthropic} adapter against recorded Messages API traffic ({@code fixtures/anthropic}). */
final class AnthropicUpstream extends RecordedUpstream {

    AnthropicUpstream(WireMockExtension upstream, WireMockExtension slowUpstream) {
        super("anthropic", upstream, slowUpstream);
    }

    @Override
    ChatProvider provider(URI baseUrl, Duration timeout) {
        return new AnthropicProvider(
                "anthropic-test", baseUrl, KEY, null, Duration.ofSeconds(2), timeout, Map.of(), CLOCK);
    }

    @Override
    public String upstreamModel() {
        return "claude-sonnet-4-5";
    }

    @Override
    String path(boolean stream) {
        return "/v1/messages";
    }

    @Override
    MappingBuilder authenticated(MappingBuilder stub) {
        return stub.withHeader("x-api-key", equalTo(KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("Content-Type", equalTo("application/json"));
    }

    @Override
    public List<ErrorCase> errorCases() {
        return List.of(
                error("error-400", 400, FailureClass.CALLER_FAULT, null),
                error("error-401", 401, FailureClass.CREDENTIAL, null),
                error("error-403", 403, FailureClass.CREDENTIAL, null),
                error("error-404", 404, FailureClass.MODEL_GONE, null),
                error("error-413", 413, FailureClass.CALLER_FAULT, null),
                error("error-429", 429, FailureClass.RATE_LIMITED, Duration.ofSeconds(30)),
                error("error-500", 500, FailureClass.TRANSIENT, null),
                error("error-529", 529, FailureClass.TRANSIENT, null));
    }

    private ErrorCase error(String fixture, int status, FailureClass failureClass, Duration retryAfter) {
        return new ErrorCase(fixture, status, failureClass, status, message(fixture, "/error/message"), retryAfter);
    }
}
