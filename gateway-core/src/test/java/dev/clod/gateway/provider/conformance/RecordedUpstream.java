package dev.clod.gateway.provider.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.clod.gateway.provider.ChatProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * An HTTP adapter against WireMock replaying its provider's recorded fixtures. Each scenario's stub
 * answers only the scenario's recorded request ({@code equalToJson}, strict: no missing, extra or
 * reordered array element) with the adapter's authentication headers, so a translation bug leaves the
 * request unmatched and the test fails with WireMock's difference.
 */
abstract class RecordedUpstream implements ProviderUnderTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T12:00:00Z"), ZoneOffset.UTC);
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(200);
    static final String KEY = "test-key-0123456789";

    /** A WireMock server for one test class; unmatched requests fail the test that sent them. */
    static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort())
                .failOnUnmatchedRequests(true)
                .build();
    }

    /**
     * A second server for answers that come too late: WireMock logs a request once it has answered it,
     * so a late one would otherwise land in the next test's request log.
     */
    static WireMockExtension slowServer() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort())
                .build();
    }

    protected final FixtureFiles files;
    private final WireMockExtension upstream;
    private final WireMockExtension slowUpstream;

    RecordedUpstream(String provider, WireMockExtension upstream, WireMockExtension slowUpstream) {
        this.files = new FixtureFiles(provider);
        this.upstream = upstream;
        this.slowUpstream = slowUpstream;
    }

    /** The adapter calling {@code baseUrl} with {@link #KEY}. */
    abstract ChatProvider provider(URI baseUrl, Duration timeout);

    /** The path the adapter posts a scenario's request to. */
    abstract String path(boolean stream);

    /** The stub's check that the adapter authenticates as its upstream expects. */
    abstract MappingBuilder authenticated(MappingBuilder stub);

    @Override
    public Optional<String> notApplicable(Scenario scenario) {
        return Optional.empty();
    }

    @Override
    public void arrange(Scenario scenario) {
        if (scenario == Scenario.TIMEOUT) {
            slowUpstream.stubFor(post(urlEqualTo(path(false)))
                    .willReturn(answer(Scenario.CHAT).withFixedDelay(1_500)));
            slowUpstream.stubFor(post(urlEqualTo(path(true)))
                    .withRequestBody(equalToJson(files.text(Scenario.STREAM.requestFolder() + "/request.json")))
                    .willReturn(answer(Scenario.STREAM).withFixedDelay(1_500)));
            return;
        }
        upstream.stubFor(authenticated(post(urlEqualTo(path(scenario.stream())))
                        .withRequestBody(equalToJson(files.text(scenario.requestFolder() + "/request.json"))))
                .willReturn(answer(scenario)));
    }

    @Override
    public void verifyRequest(Scenario scenario) {
        upstream.verify(postRequestedFor(urlEqualTo(path(scenario.stream())))
                .withRequestBody(equalToJson(files.text(scenario.requestFolder() + "/request.json"))));
    }

    private ResponseDefinitionBuilder answer(Scenario scenario) {
        if (scenario.stream()) {
            return aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .withBody(files.bytes(scenario.folder() + "/response.sse"));
        }
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(files.bytes(scenario.folder() + "/response.json"));
    }

    @Override
    public void arrangeError(ErrorCase error) {
        ResponseDefinitionBuilder answer = aResponse()
                .withStatus(error.status())
                .withHeader("Content-Type", "application/json")
                .withBody(files.bytes(error.fixture() + "/body.json"));
        files.headers(error.fixture() + "/headers.txt").forEach(answer::withHeader);
        upstream.stubFor(post(urlEqualTo(path(false))).willReturn(answer));
        upstream.stubFor(post(urlEqualTo(path(true))).willReturn(answer));
    }

    @Override
    public ChatProvider provider() {
        return provider(URI.create(upstream.baseUrl()), Duration.ofSeconds(5));
    }

    @Override
    public ChatProvider slowProvider() {
        return provider(URI.create(slowUpstream.baseUrl()), SHORT_TIMEOUT);
    }

    @Override
    public Expectations expected() {
        return new RecordedStory();
    }

    /** The upstream's own message in an error fixture, at a JSON pointer. */
    String message(String fixture, String pointer) {
        return ConformanceRequests.json(files.text(fixture + "/body.json"))
                .at(pointer)
                .asText();
    }

    @Override
    public void close() {}
}
