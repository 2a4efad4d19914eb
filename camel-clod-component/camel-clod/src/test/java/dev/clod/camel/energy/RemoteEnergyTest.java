package dev.clod.camel.energy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.clod.camel.ClodRemoteException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server's windows and clock, read with a wall clock the test moves. */
class RemoteEnergyTest {

    final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    final MutableClock wall = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    EnergyClient energy;

    @BeforeEach
    void start() {
        server.start();
        energy = EnergyClients.remote(HttpClient.newHttpClient(), server.baseUrl() + "/v1/", null, wall);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void windowsAreAskedWithAnIsoDurationAndDeadlineAndReadIntoRecords() {
        server.stubFor(get(urlPathEqualTo("/v1/energy/windows"))
                .willReturn(aResponse().withBody(ClodPricesTest.fixture("windows.json"))));

        List<EnergyWindow> windows =
                energy.windows("Llama 3.1 8B", Duration.ofHours(2), Instant.parse("2024-08-13T12:00:00Z"), 1);

        server.verify(getRequestedFor(urlPathEqualTo("/v1/energy/windows"))
                .withQueryParam("model", equalTo("Llama 3.1 8B"))
                .withQueryParam("duration", equalTo("PT2H"))
                .withQueryParam("deadline", equalTo("2024-08-13T12:00:00Z"))
                .withQueryParam("count", equalTo("1")));
        assertThat(windows).hasSize(1);
        EnergyWindow window = windows.get(0);
        assertThat(window.start()).isEqualTo("2024-08-13T07:00:00Z");
        assertThat(window.end()).isEqualTo("2024-08-13T09:00:00Z");
        assertThat(window.site()).isEqualTo("tulsa");
        assertThat(window.deployment()).isEqualTo("llama-3.1-8b/sim-tulsa");
        assertThat(window.expectedUsdPerMwh()).isEqualByComparingTo("10.43");
        assertThat(window.expectedPricePer1m().outputPer1m()).isEqualByComparingTo("0.025159755");
        assertThat(window.basis()).isEqualTo("day_ahead");
        // The answer's as_of sets the clock.
        assertThat(energy.clock().instant()).isEqualTo("2024-08-12T12:00:00Z");
    }

    @Test
    void theServersClockRunsAtTheSpeedMeasuredBetweenTwoReadings() {
        server.stubFor(get(urlEqualTo("/v1/energy/sites"))
                .willReturn(aResponse().withBody(ClodPricesTest.fixture("sites-before.json"))));
        energy.sites();
        wall.advance(Duration.ofSeconds(10));
        assertThat(energy.clock().instant()).as("speed 1 until measured").isEqualTo("2024-08-12T12:00:10Z");

        // Ten wall seconds later the server reads an hour later: a replay at 360x.
        server.stubFor(get(urlEqualTo("/v1/energy/sites"))
                .willReturn(aResponse().withBody(ClodPricesTest.fixture("sites-after.json"))));
        energy.sites();
        wall.advance(Duration.ofSeconds(1));

        assertThat(energy.speed()).isEqualTo(360.0);
        assertThat(energy.clock().instant()).isEqualTo("2024-08-12T13:06:00Z");
    }

    @Test
    void aStaleClockAsksTheServerAgainAndAnUnreachableOneKeepsGoing() {
        server.stubFor(get(urlEqualTo("/v1/energy/sites"))
                .willReturn(aResponse().withBody(ClodPricesTest.fixture("sites-before.json"))));
        energy.clock().instant();
        server.verify(1, getRequestedFor(urlEqualTo("/v1/energy/sites")));

        wall.advance(RemoteEnergy.CLOCK_REFRESH.plusSeconds(1));
        energy.clock().instant();
        server.verify(2, getRequestedFor(urlEqualTo("/v1/energy/sites")));

        server.stop();
        wall.advance(RemoteEnergy.CLOCK_REFRESH.plusSeconds(1));
        assertThat(energy.clock().instant()).isAfter(Instant.parse("2024-08-12T12:00:00Z"));
    }

    @Test
    void anUnreadableAnswerIsA502NamingWhatIsMissing() {
        server.stubFor(get(urlEqualTo("/v1/energy/sites"))
                .willReturn(aResponse().withBody("{\"object\":\"list\",\"data\":[]}")));

        assertThatThrownBy(() -> energy.sites())
                .isInstanceOfSatisfying(
                        ClodRemoteException.class, e -> assertThat(e.status()).isEqualTo(502))
                .hasMessageContaining("as_of");
    }
}
