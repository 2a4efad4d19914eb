package dev.clod.camel;

import dev.clod.camel.energy.EnergyClient;
import dev.clod.camel.energy.HistoryWindow;
import dev.clod.camel.energy.PricesConsumer;
import dev.clod.camel.energy.PricesProducer;
import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.routing.ModelSelection;
import dev.clod.gateway.routing.ModelSelector;
import dev.clod.gateway.routing.Strategy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Chat with any model a clod gateway serves, list its models, read its usage, or read and follow its
 * electricity-driven prices, as a step of a route. {@code clod:prices} is also a consumer of price
 * changes. The gateway runs embedded in the application, or is a server reached by {@code baseUrl}.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "clod",
        title = "clod",
        syntax = "clod:operation",
        category = {Category.AI},
        headersClass = ClodConstants.class)
public class ClodEndpoint extends DefaultEndpoint {

    /** What an endpoint does. */
    enum Operation {
        CHAT,
        MODELS,
        USAGE,
        PRICES
    }

    /** What the body holds after a chat. */
    enum OutputMode {
        TEXT,
        RESPONSE
    }

    @UriPath(
            enums = "chat,models,usage,prices",
            defaultValue = "chat",
            description = "The operation: chat (ask a model), models (list the models), usage (usage per model"
                    + " since the embedded gateway started) or prices (the sites' electricity and token prices;"
                    + " as a consumer, their changes).")
    @Metadata(required = false)
    private String operation = "chat";

    @UriParam
    private ClodConfiguration configuration;

    private Operation parsedOperation;
    private OutputMode parsedOutputMode;
    private ModelSelection modelSelection;
    private Strategy strategy;
    private BigDecimal maxCostUsd;
    private List<ClodTool> toolList = List.of();
    private Set<String> siteSet = Set.of();

    public ClodEndpoint(String uri, ClodComponent component, ClodConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public ClodComponent getComponent() {
        return (ClodComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (parsedOperation == Operation.PRICES) {
            return new PricesProducer(this, this::energy, pricedModel(), configuration.getWindow(), siteSet);
        }
        return new ClodProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (parsedOperation != Operation.PRICES) {
            throw new UnsupportedOperationException(
                    "clod:" + operation + " has no consumer; use it with to(...). Only clod:prices consumes.");
        }
        if (configuration.getWindow() != null) {
            throw invalid("window", "applies to the prices producer; the consumer emits price changes");
        }
        PricesConsumer consumer = new PricesConsumer(
                this,
                processor,
                this::energy,
                pricedModel(),
                siteSet,
                Duration.ofMillis(configuration.getPollInterval()));
        configureConsumer(consumer);
        return consumer;
    }

    private EnergyClient energy() {
        return getComponent().energy(configuration);
    }

    /** The model of clod:prices, or null for every site. */
    private String pricedModel() {
        return modelSelection == null ? null : modelSelection.model();
    }

    /**
     * Checks every option once, when the endpoint is created, so a mistake stops the route from being
     * built instead of failing its first exchange. Each message names the option at fault.
     */
    void validate() {
        parsedOperation = parse(Operation.class, "operation", operation);
        parsedOutputMode = parse(OutputMode.class, "outputMode", configuration.getOutputMode());
        if (configuration.getModel() != null) {
            try {
                modelSelection = ModelSelector.parse(configuration.getModel());
            } catch (InvalidRequestException bad) {
                throw invalid("model", bad.getMessage());
            }
        }
        if (configuration.getStrategy() != null) {
            try {
                strategy = ModelSelector.parseStrategy(configuration.getStrategy(), "strategy");
            } catch (InvalidRequestException bad) {
                throw invalid("strategy", bad.getMessage());
            }
        }
        Integer maxTokens = configuration.getMaxTokens();
        if (maxTokens != null && maxTokens <= 0) {
            throw invalid("maxTokens", "must be positive, was " + maxTokens);
        }
        Double temperature = configuration.getTemperature();
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw invalid("temperature", "must be between 0 and 2, was " + temperature);
        }
        if (configuration.getMaxToolRounds() < 0) {
            throw invalid("maxToolRounds", "must not be negative, was " + configuration.getMaxToolRounds());
        }
        maxCostUsd = parseMaxCost(configuration.getMaxCostUsd());
        if (configuration.getStreamBufferSize() <= 0) {
            throw invalid("streamBufferSize", "must be positive, was " + configuration.getStreamBufferSize());
        }
        toolList = resolveTools(configuration.getTools());
        if (configuration.isStream() && !toolList.isEmpty()) {
            throw invalid("tools", "cannot be combined with stream=true: the tool loop needs whole answers");
        }
        if (parsedOperation == Operation.PRICES) {
            validatePrices();
        } else if (configuration.getWindow() != null) {
            throw invalid("window", "applies only to clod:prices");
        } else if (configuration.getSite() != null) {
            throw invalid("site", "applies only to clod:prices");
        }
    }

    private void validatePrices() {
        if (modelSelection != null && (modelSelection.strategy() != null || modelSelection.anyModel())) {
            throw invalid(
                    "model",
                    "clod:prices takes a model id, name or alias without strategy tags, was '"
                            + configuration.getModel() + "'");
        }
        String window = configuration.getWindow();
        if (window != null) {
            if (!HistoryWindow.isValid(window)) {
                throw invalid("window", "must be " + HistoryWindow.VALID + ", was '" + window + "'");
            }
            if (modelSelection == null) {
                throw invalid("window", "needs a model: a price history is one model's");
            }
        }
        if (configuration.getPollInterval() <= 0) {
            throw invalid("pollInterval", "must be positive, was " + configuration.getPollInterval() + " ms");
        }
        siteSet = parseSites(configuration.getSite());
    }

    private static Set<String> parseSites(String text) {
        if (text == null) {
            return Set.of();
        }
        Set<String> sites = new HashSet<>();
        for (String entry : text.split(",")) {
            String site = entry.strip();
            if (site.isEmpty()) {
                throw invalid("site", "has an empty entry in '" + text + "'");
            }
            sites.add(site);
        }
        return Set.copyOf(sites);
    }

    private static BigDecimal parseMaxCost(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw invalid("maxCostUsd", "'" + text + "' is not a decimal number");
        }
        if (amount.signum() <= 0) {
            throw invalid("maxCostUsd", "must be positive, was " + text);
        }
        return amount;
    }

    private List<ClodTool> resolveTools(String references) {
        if (references == null || references.isBlank()) {
            return List.of();
        }
        List<ClodTool> tools = new ArrayList<>();
        for (String reference : references.split(",")) {
            String name = reference.strip();
            if (name.startsWith("#bean:")) {
                name = name.substring("#bean:".length());
            } else if (name.startsWith("#")) {
                name = name.substring(1);
            }
            if (name.isEmpty()) {
                throw invalid("tools", "has an empty entry in '" + references + "'");
            }
            ClodTool tool = getCamelContext().getRegistry().lookupByNameAndType(name, ClodTool.class);
            if (tool == null) {
                throw invalid("tools", "names '" + name + "', but there is no ClodTool bean by that name");
            }
            if (tools.stream().anyMatch(other -> other.name().equals(tool.name()))) {
                throw invalid("tools", "offers two tools named '" + tool.name() + "'");
            }
            tools.add(tool);
        }
        return List.copyOf(tools);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return constant;
            }
        }
        List<String> valid = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            valid.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw invalid(option, "'" + value + "' is not one of " + valid);
    }

    private static IllegalArgumentException invalid(String option, String problem) {
        return new IllegalArgumentException("Invalid option '" + option + "' of clod: " + problem);
    }

    Operation operation() {
        return parsedOperation;
    }

    OutputMode outputMode() {
        return parsedOutputMode;
    }

    /** The parsed model option, or null when the model comes from each exchange. */
    ModelSelection modelSelection() {
        return modelSelection;
    }

    /** The strategy option, or null. */
    Strategy strategy() {
        return strategy;
    }

    /** The tool loop's budget, or null for none. */
    BigDecimal maxCostUsd() {
        return maxCostUsd;
    }

    List<ClodTool> toolList() {
        return toolList;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public ClodConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ClodConfiguration configuration) {
        this.configuration = configuration;
    }
}
