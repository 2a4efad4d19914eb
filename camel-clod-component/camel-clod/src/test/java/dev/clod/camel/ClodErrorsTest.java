package dev.clod.camel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.clod.gateway.Gateway;
import dev.clod.gateway.ModelListing;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.config.GatewayConfig;
import dev.clod.server.ClodServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An upstream's error ends the exchange with an exception that carries OpenAI's error type and a
 * status, in both modes and whether streamed or not; nothing waits forever.
 */
class ClodErrorsTest {

    private static final String REJECTION = "{\"error\":{\"message\":\"messages[0].content is too long\","
            + "\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}";

    static Stream<Arguments> failures() {
        return Stream.of(
                // A 500 is worth retrying elsewhere; with no other deployment, every candidate failed.
                Arguments.of("wired-failing", false, 502, "upstream_error"),
                Arguments.of("wired-failing", true, 502, "upstream_error"),
                // A 400 is the caller's fault and keeps its status.
                Arguments.of("wired-rejecting", false, 400, "invalid_request_error"),
                Arguments.of("wired-rejecting", true, 400, "invalid_request_error"));
    }

    abstract static class FailingUpstream extends CamelTestSupport {

        final WireMockServer upstream =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());

        GatewayConfig catalog() {
            upstream.start();
            upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                    .withRequestBody(matchingJsonPath("$.model", equalTo("wired-500")))
                    .willReturn(aResponse().withStatus(500).withBody("upstream exploded")));
            upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                    .withRequestBody(matchingJsonPath("$.model", equalTo("wired-400")))
                    .willReturn(aResponse()
                            .withStatus(400)
                            .withHeader("content-type", "application/json")
                            .withBody(REJECTION)));
            return TestGateways.catalog("/clod-test.yaml", Map.of("UPSTREAM_URL", upstream.baseUrl() + "/v1"));
        }

        @Override
        protected void doPostTearDown() throws Exception {
            upstream.stop();
        }

        @Override
        protected RoutesBuilder createRouteBuilder() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:chat").to("clod:chat");
                    from("direct:stream")
                            .to("clod:chat?stream=true")
                            .split(body())
                            .streaming()
                            .to("log:piece")
                            .end();
                    from("direct:models").to("clod:models");
                    from("direct:usage").to("clod:usage");
                }
            };
        }

        ClodException failed(String model, boolean stream) {
            Exchange answer = template.request(stream ? "direct:stream" : "direct:chat", e -> {
                e.getMessage().setBody("Hello");
                e.getMessage().setHeader(ClodConstants.MODEL, model);
            });
            assertThat(answer.getException()).isInstanceOf(ClodException.class);
            return (ClodException) answer.getException();
        }
    }

    @Nested
    class Embedded extends FailingUpstream {

        private Gateway gateway;

        @Override
        protected void bindToRegistry(Registry registry) {
            gateway = Gateway.create(catalog(), Clock.systemUTC());
            registry.bind("gateway", gateway);
        }

        @ParameterizedTest
        @MethodSource("dev.clod.camel.ClodErrorsTest#failures")
        void anUpstreamErrorFailsTheExchangeWithItsType(String model, boolean stream, int status, String type) {
            ClodException error = failed(model, stream);

            assertThat(error.status()).isEqualTo(status);
            assertThat(error.type()).isEqualTo(type);
        }
    }

    @Nested
    class Remote extends FailingUpstream {

        private ClodServer server;

        @Override
        protected void bindToRegistry(Registry registry) {
            server = TestGateways.server(catalog());
            ClodComponent clod = new ClodComponent();
            clod.getConfiguration().setBaseUrl(TestGateways.baseUrl(server));
            clod.getConfiguration().setApiKey(TestGateways.API_KEY);
            registry.bind("clod", clod);
        }

        @Override
        protected void doPostTearDown() throws Exception {
            super.doPostTearDown();
            server.close();
        }

        @ParameterizedTest
        @MethodSource("dev.clod.camel.ClodErrorsTest#failures")
        void anUpstreamErrorFailsTheExchangeWithItsType(String model, boolean stream, int status, String type) {
            ClodException error = failed(model, stream);

            assertThat(error).isInstanceOf(ClodRemoteException.class);
            assertThat(error.status()).isEqualTo(status);
            assertThat(error.type()).isEqualTo(type);
        }

        @Test
        void aWrongKeyIsRejectedAsOpenAiRejectsIt() {
            Exchange answer = template.request("clod:chat?model=sim-llama&apiKey=sk-wrong", e -> e.getMessage()
                    .setBody("Hello"));

            assertThat(answer.getException()).isInstanceOfSatisfying(ClodRemoteException.class, error -> {
                assertThat(error.status()).isEqualTo(401);
                assertThat(error.type()).isEqualTo("invalid_request_error");
                assertThat(error.getMessage()).doesNotContain("sk-wrong");
            });
        }

        @Test
        void anUnknownModelIsTheServersModelNotFound() {
            ClodException error = failed("no-such-model", false);

            assertThat(error.status()).isEqualTo(404);
            assertThat(error.code()).isEqualTo("model_not_found");
        }

        @Test
        void modelsAreTheServersListAsMaps() {
            List<?> models = template.requestBody("direct:models", null, List.class);

            assertThat(models).isNotEmpty().noneMatch(ModelListing.class::isInstance);
            assertThat(models.stream().map(m -> (Object) ((Map<?, ?>) m).get("id")))
                    .contains("sim-llama", "wired-looping");
        }

        @Test
        void usageIsTheServersLedgerScopedToTheKey() {
            Exchange forbidden = template.request("direct:usage", e -> {});
            Exchange allowed = template.request("clod:usage?apiKey=" + TestGateways.ADMIN_KEY, e -> {});

            assertThat(forbidden.getException())
                    .as("the test's key belongs to no project, and usage is kept per project")
                    .isInstanceOfSatisfying(ClodRemoteException.class, e -> assertThat(e.status())
                            .isEqualTo(403));
            assertThat(allowed.getException()).isNull();
            assertThat(allowed.getMessage().getBody()).isInstanceOf(List.class);
        }
    }

    @Nested
    class Unreachable extends CamelTestSupport {

        @Override
        protected void bindToRegistry(Registry registry) {
            ClodComponent clod = new ClodComponent();
            // Port 9 (discard) has no HTTP server on a loopback address.
            clod.getConfiguration().setBaseUrl("http://127.0.0.1:9/v1");
            registry.bind("clod", clod);
        }

        @Test
        void aServerThatCannotBeReachedIsAConnectionError() {
            Exchange plain = template.request(
                    "clod:chat?model=sim-llama", e -> e.getMessage().setBody("Hello"));
            Exchange streamed = template.request(
                    "clod:chat?model=sim-llama&stream=true", e -> e.getMessage().setBody("Hello"));

            for (Exchange answer : List.of(plain, streamed)) {
                assertThat(answer.getException())
                        .isInstanceOfSatisfying(ClodRemoteException.class, error -> assertThat(error.type())
                                .isEqualTo(ClodRemoteException.CONNECTION_ERROR));
            }
        }
    }
}
