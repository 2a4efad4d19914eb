package dev.clod.gateway.provider.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ContentPart;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.MessageContent;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the adapter does around the wire format: addresses, headers, keys, requests it cannot send. */
class AnthropicProviderTest {

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final FixtureFiles FILES = new FixtureFiles("anthropic");

    @Test
    void aBaseUrlEndingInV1AndExtraHeadersAreHonoured() throws Exception {
        upstream.stubFor(post("/v1/messages")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(FILES.bytes("chat/response.json"))));

        provider(URI.create(upstream.baseUrl() + "/v1/"), "sk-ant-test", null, Map.of("anthropic-beta", "x-2025"))
                .complete(call(hello()))
                .get(10, TimeUnit.SECONDS);

        upstream.verify(postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo("sk-ant-test"))
                .withHeader("anthropic-version", equalTo(AnthropicProvider.API_VERSION))
                .withHeader("anthropic-beta", equalTo("x-2025"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void aRequestItCannotTranslateFailsAsTheCallersFaultWithoutCallingAnyone() throws Exception {
        ContentPart sound = new ContentPart.OtherPart("input_audio", JsonNodeFactory.instance.objectNode());
        ChatRequest audio =
                ChatRequest.of("claude", List.of(new UserMessage(new MessageContent.Parts(List.of(sound)), null)));
        AnthropicProvider provider = provider(URI.create(upstream.baseUrl()), "k", null, Map.of());

        Throwable plain = catchThrowable(() -> provider.complete(call(audio)).get(10, TimeUnit.SECONDS));
        RecordingListener listener = new RecordingListener();
        provider.stream(call(audio), listener);

        assertThat(plain).isInstanceOf(ExecutionException.class);
        for (Throwable failure : List.of(plain.getCause(), listener.awaitEnd())) {
            assertThat(failure).isInstanceOfSatisfying(UpstreamException.class, e -> {
                assertThat(e.failureClass()).isEqualTo(FailureClass.CALLER_FAULT);
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.type()).isEqualTo("invalid_request_error");
                assertThat(e.getMessage())
                        .startsWith("messages[0].content[0]: ")
                        .contains("input_audio");
            });
        }
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    @Test
    void withoutItsKeyItIsUnavailableAndCallsNothing() throws Exception {
        AnthropicProvider keyless =
                provider(URI.create(upstream.baseUrl()), null, "${ANTHROPIC_API_KEY} is not set", Map.of());

        Throwable thrown = catchThrowable(() -> keyless.complete(call(hello())).get(10, TimeUnit.SECONDS));

        assertThat(keyless.kind()).isEqualTo("anthropic");
        assertThat(keyless.available()).isFalse();
        assertThat(keyless.unavailableReason())
                .isEqualTo("provider 'anthropic-test' has no API key: ${ANTHROPIC_API_KEY} is not set");
        assertThat(thrown.getCause()).isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.failureClass())
                .isEqualTo(FailureClass.CREDENTIAL));
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    @Test
    void anAnswerThatIsNoMessageIsTransient() throws Exception {
        upstream.stubFor(post("/v1/messages")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"mess")));

        Throwable thrown = catchThrowable(() -> provider(URI.create(upstream.baseUrl()), "k", null, Map.of())
                .complete(call(hello()))
                .get(10, TimeUnit.SECONDS));

        assertThat(thrown.getCause()).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.failureClass()).isEqualTo(FailureClass.TRANSIENT);
            assertThat(e.upstreamStatus()).isEqualTo(200);
        });
    }

    private static AnthropicProvider provider(URI base, String key, String missing, Map<String, String> headers) {
        return new AnthropicProvider(
                "anthropic-test",
                base,
                key,
                missing,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                headers,
                Clock.systemUTC());
    }

    private static ChatRequest hello() {
        return ChatRequest.of("claude-sonnet-4-5", List.of(UserMessage.of("Say hello")));
    }

    private static UpstreamCall call(ChatRequest request) {
        return new UpstreamCall(request, "m/anthropic-test");
    }
}
