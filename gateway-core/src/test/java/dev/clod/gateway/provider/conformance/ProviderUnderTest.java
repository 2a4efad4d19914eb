package dev.clod.gateway.provider.conformance;

import dev.clod.gateway.provider.ChatProvider;
import java.util.List;
import java.util.Optional;

/** One adapter plugged into {@link ProviderConformanceTest}, with its recorded upstream. */
interface ProviderUnderTest extends AutoCloseable {

    /** The model the scenarios ask for, named as the upstream knows it. */
    String upstreamModel();

    /**
     * Why a scenario cannot be run against this adapter, stated so the report says it; empty when it
     * applies. Nothing is left out silently.
     */
    Optional<String> notApplicable(Scenario scenario);

    /** Makes the upstream answer the scenario as recorded, if the request it receives is the recorded one. */
    void arrange(Scenario scenario);

    /**
     * Asserts the upstream received the scenario's recorded request, with a readable difference when it
     * did not. Adapters without an upstream have nothing to check.
     */
    void verifyRequest(Scenario scenario);

    /** The adapter, calling the arranged upstream. */
    ChatProvider provider();

    /** The adapter with a short timeout, calling an upstream arranged (by {@code TIMEOUT}) to answer late. */
    ChatProvider slowProvider();

    /** The error answers this adapter's upstream gives, each with what it must become. */
    List<ErrorCase> errorCases();

    /** Makes the upstream answer every request with this error. */
    void arrangeError(ErrorCase error);

    /** What the recorded answers say. */
    Expectations expected();

    @Override
    void close();
}
