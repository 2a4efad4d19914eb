package dev.clod.camel.energy;

import dev.clod.gateway.Gateway;
import java.net.http.HttpClient;
import java.time.Clock;

/** Builds the {@link EnergyClient} of an embedded gateway or of a gateway server. */
public final class EnergyClients {

    private EnergyClients() {}

    /** The prices of a gateway in this JVM, on its energy clock. */
    public static EnergyClient embedded(Gateway gateway) {
        return new EmbeddedEnergy(gateway);
    }

    /**
     * The prices of a gateway server.
     *
     * @param baseUrl the server's base URL, ending in {@code /v1}
     * @param apiKey the bearer key, or null
     * @param wall the wall clock the server's {@code as_of} is carried forward by between readings
     */
    public static EnergyClient remote(HttpClient http, String baseUrl, String apiKey, Clock wall) {
        return new RemoteEnergy(http, baseUrl, apiKey, wall);
    }
}
