package dev.clod.gateway.provider.conformance;

/** The conformance suite against the {@code simulated} provider. */
class SimulatedConformanceTest extends ProviderConformanceTest {

    @Override
    protected ProviderUnderTest fixture() {
        return new SimulatedFixture();
    }
}
