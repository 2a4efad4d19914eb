package dev.clod.camel;

import dev.clod.camel.energy.EnergyClient;
import dev.clod.camel.energy.EnergyClients;
import dev.clod.gateway.Gateway;
import dev.clod.gateway.config.ConfigLoader;
import dev.clod.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.ResourceHelper;

/**
 * The {@code clod:} component. All its embedded endpoints share one gateway: the {@code gateway} bean
 * when the application provides one, else one the component builds from {@code configFile} (or from
 * the demo catalog) when it starts and closes when it stops. Remote endpoints share one HTTP client.
 */
@Component("clod")
public class ClodComponent extends DefaultComponent {

    @Metadata(description = "The options every endpoint starts from; an endpoint's own options override them.")
    private ClodConfiguration configuration = new ClodConfiguration();

    @Metadata(
            label = "embedded",
            description = "The clod YAML configuration of the embedded gateway, in the server's format, as a"
                    + " file path or a classpath:, file: or http: resource. Without it, the embedded gateway"
                    + " serves the demo catalog of simulated models.")
    private String configFile;

    @Metadata(
            label = "embedded,advanced",
            autowired = true,
            description = "A gateway the application built itself; when set, configFile is not read and the"
                    + " component leaves closing the gateway to the application.")
    private Gateway gateway;

    @Metadata(
            label = "embedded",
            defaultValue = "false",
            description = "Write every request's usage to the database of the embedded gateway's configuration"
                    + " (its database url, or the CLOD_DB_URL environment variable) with the gateway server's"
                    + " ledger, so applications and servers share one ledger; clod:usage then reads this"
                    + " month's usage from it. Off: usage is counted in memory since the component started.")
    private boolean ledger;

    private Gateway ownGateway;
    private EmbeddedLedger ownLedger;
    private HttpClient httpClient;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ClodEndpoint endpoint = new ClodEndpoint(uri, this, configuration.copy());
        if (!remaining.isEmpty()) {
            endpoint.setOperation(remaining);
        }
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (!configuration.isRemote()) {
            // A bad configuration file fails the application's start, not its first message.
            embeddedGateway();
        }
    }

    @Override
    protected void doStop() throws Exception {
        Gateway built;
        EmbeddedLedger builtLedger;
        synchronized (this) {
            built = ownGateway;
            builtLedger = ownLedger;
            ownGateway = null;
            ownLedger = null;
            httpClient = null;
        }
        if (built != null) {
            built.close();
        }
        if (builtLedger != null) {
            // After the gateway: every record of the requests that just finished is written first.
            builtLedger.close();
        }
        super.doStop();
    }

    /** The client an endpoint with {@code config} talks to. */
    ClodClient client(ClodConfiguration config) {
        if (config.isRemote()) {
            return new RemoteClient(httpClient(), config.getBaseUrl(), config.getApiKey());
        }
        Gateway embedded = embeddedGateway();
        return new EmbeddedClient(embedded, ownLedger, config.getProject());
    }

    /**
     * The electricity and token prices of the gateway an endpoint with {@code config} talks to: the
     * embedded gateway's, or those of the server at its {@code baseUrl}. What {@code clod:prices} and
     * {@code CheapEnergyRoutePolicy} read.
     */
    public EnergyClient energy(ClodConfiguration config) {
        if (config.isRemote()) {
            return EnergyClients.remote(httpClient(), config.getBaseUrl(), config.getApiKey(), Clock.systemUTC());
        }
        return EnergyClients.embedded(embeddedGateway());
    }

    private synchronized Gateway embeddedGateway() {
        if (gateway != null) {
            return gateway;
        }
        if (ownGateway == null) {
            GatewayConfig config = loadConfig();
            ownGateway = Gateway.create(config, Clock.systemUTC());
            if (ledger) {
                ownLedger = EmbeddedLedger.attach(ownGateway, config.store(), Clock.systemUTC());
            }
        }
        return ownGateway;
    }

    private GatewayConfig loadConfig() {
        Map<String, String> env = System.getenv();
        if (configFile == null || configFile.isBlank()) {
            return ConfigLoader.embeddedDefault(env);
        }
        String location = configFile.contains(":") && !configFile.matches("^[A-Za-z]:[\\\\/].*")
                ? configFile
                : "file:" + configFile;
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(getCamelContext(), location)) {
            return ConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), configFile, env);
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid option 'configFile' of clod: cannot read " + configFile, e);
        }
    }

    private synchronized HttpClient httpClient() {
        if (httpClient == null) {
            httpClient = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }
        return httpClient;
    }

    public ClodConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ClodConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getConfigFile() {
        return configFile;
    }

    public void setConfigFile(String configFile) {
        this.configFile = configFile;
    }

    public boolean isLedger() {
        return ledger;
    }

    public void setLedger(boolean ledger) {
        this.ledger = ledger;
    }

    public Gateway getGateway() {
        return gateway;
    }

    public void setGateway(Gateway gateway) {
        this.gateway = gateway;
    }
}
