package dev.clod.gateway.provider.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.provider.ChatProvider;
import dev.clod.gateway.provider.openai.OpenAiProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The {@code openai} adapter against recorded chat-completions traffic ({@code fixtures/openai}). */
final class OpenAiUpstream extends RecordedUpstream {

    OpenAiUpstream(WireMockExtension upstream, WireMockExtension slowUpstream) {
        super("openai", upstream, slowUpstream);
    }

    @Override
    ChatProvider provider(URI baseUrl, Duration timeout) {
        return new OpenAiProvider(
                "openai-test", URI.create(baseUrl + "/v1"), KEY, null, Duration.ofSeconds(2), timeout, Map.of(), CLOCK);
    }

    @Override
    public String upstreamModel() {
        return "gpt-4o-mini";
    }

    @Override
    String path(boolean stream) {
        return "/v1/chat/completions";
    }

    @Override
    MappingBuilder authenticated(MappingBuilder stub) {
        return stub.withHeader("Authorization", equalTo("Bearer " + KEY));
    }

    @Override
    public List<ErrorCase> errorCases() {
        return List.of(
                error("error-400", 400, FailureClass.CALLER_FAULT, null),
                error("error-401", 401, FailureClass.CREDENTIAL, null),
                error("error-429", 429, FailureClass.RATE_LIMITED, Duration.ofSeconds(20)),
                error("error-500", 500, FailureClass.TRANSIENT, null));
    }

    private ErrorCase error(String fixture, int status, FailureClass failureClass, Duration retryAfter) {
        return new ErrorCase(fixture, status, failureClass, status, message(fixture, "/error/message"), retryAfter);
    }
}
