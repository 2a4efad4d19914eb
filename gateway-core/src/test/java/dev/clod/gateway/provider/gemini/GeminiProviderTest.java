package dev.clod.gateway.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.ToolMessage;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.UserMessage;
import dev.clod.gateway.provider.RecordingListener;
import dev.clod.gateway.provider.UpstreamCall;
import dev.clod.gateway.provider.conformance.FixtureFiles;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the adapter does around the wire format: addresses, keys, requests it cannot send. */
class GeminiProviderTest {

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource({
        "gemini-2.5-flash, '', /v1beta/models/gemini-2.5-flash:generateContent",
        "models/gemini-2.5-flash, /v1beta/, /v1beta/models/gemini-2.5-flash:generateContent",
        "tunedModels/my-tuned-model, '', /v1beta/tunedModels/my-tuned-model:generateContent"
    })
    void callsTheModelsMethodUnderTheApiRoot(String model, String basePath, String path) throws Exception {
        upstream.stubFor(post(urlEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(new FixtureFiles("gemini").bytes("chat/response.json"))));

        provider(URI.create(upstream.baseUrl() + basePath), "AIza-test", null)
                .complete(call(ChatRequest.of(model, List.of(UserMessage.of("hi")))))
                .get(10, TimeUnit.SECONDS);

        upstream.verify(postRequestedFor(urlEqualTo(path))
                .withHeader("x-goog-api-key", equalTo("AIza-test"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void aToolResultWithoutItsCallFailsAsTheCallersFaultWithoutCallingAnyone() throws Exception {
        ChatRequest orphan =
                ChatRequest.of("gemini-2.5-flash", List.of(UserMessage.of("hi"), new ToolMessage("x", "1")));
        RecordingListener listener = new RecordingListener();

        provider(URI.create(upstream.baseUrl()), "k", null).stream(call(orphan), listener);

        assertThat(listener.awaitEnd()).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.failureClass()).isEqualTo(FailureClass.CALLER_FAULT);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).startsWith("messages[1].tool_call_id: ");
        });
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    @Test
    void withoutItsKeyItIsUnavailableAndCallsNothing() throws Exception {
        GeminiProvider keyless = provider(URI.create(upstream.baseUrl()), null, "${GEMINI_API_KEY} is not set");

        Throwable thrown = catchThrowable(
                () -> keyless.complete(call(ChatRequest.of("gemini-2.5-flash", List.of(UserMessage.of("hi")))))
                        .get(10, TimeUnit.SECONDS));

        assertThat(keyless.kind()).isEqualTo("gemini");
        assertThat(keyless.available()).isFalse();
        assertThat(thrown.getCause()).isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.failureClass())
                .isEqualTo(FailureClass.CREDENTIAL));
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    private static GeminiProvider provider(URI base, String key, String missing) {
        return new GeminiProvider(
                "gemini-test",
                base,
                key,
                missing,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Map.of(),
                Clock.systemUTC());
    }

    private static UpstreamCall call(ChatRequest request) {
        return new UpstreamCall(request, "m/gemini-test");
    }
}
