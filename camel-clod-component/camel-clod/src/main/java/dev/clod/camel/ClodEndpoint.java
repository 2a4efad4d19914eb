package dev.clod.camel;

import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.routing.ModelSelection;
import dev.clod.gateway.routing.ModelSelector;
import dev.clod.gateway.routing.Strategy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Chat with any model a clod gateway serves, list its models, or read its usage, as a step of a route.
 * The gateway runs embedded in the application, or is a server reached by {@code baseUrl}.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "clod",
        title = "clod",
        syntax = "clod:operation",
        category = {Category.AI},
        producerOnly = true,
        headersClass = ClodConstants.class)
public class ClodEndpoint extends DefaultEndpoint {

    /** What an endpoint does. */
    enum Operation {
        CHAT,
        MODELS,
        USAGE
    }

    /** What the body holds after a chat. */
    enum OutputMode {
        TEXT,
        RESPONSE
    }

    @UriPath(
            enums = "chat,models,usage",
            defaultValue = "chat",
            description = "The operation: chat (ask a model), models (list the models) or usage (usage per model"
                    + " since the embedded gateway started).")
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
        return new ClodProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("clod: has no consumer; use it with to(...)");
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
