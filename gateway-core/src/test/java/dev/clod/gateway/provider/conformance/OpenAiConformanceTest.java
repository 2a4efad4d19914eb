package dev.clod.gateway.provider.conformance;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The conformance suite against the {@code openai} adapter's recorded upstream. */
class OpenAiConformanceTest extends ProviderConformanceTest {

    @RegisterExtension
    static WireMockExtension upstream = RecordedUpstream.server();

    @RegisterExtension
    static WireMockExtension slowUpstream = RecordedUpstream.slowServer();

    @Override
    protected ProviderUnderTest fixture() {
        return new OpenAiUpstream(upstream, slowUpstream);
    }
}
