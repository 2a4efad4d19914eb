package dev.clod.camel;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a {@code clod:} endpoint. Set on the component, they are the defaults every endpoint
 * starts from; set on an endpoint URI, they override them for that endpoint only.
 */
@UriParams
public class ClodConfiguration implements Cloneable {

    @UriParam(
            label = "chat,prices",
            description = "The model string: a model id, name or alias, optionally followed by strategy tags"
                    + " separated by at-sign or colon (llama-3.1-8b:price, deepseek-v3:latency:price). Checked"
                    + " when the endpoint is created. For prices: the model to price at each site, without tags.")
    private String model;

    @UriParam(
            label = "chat",
            description = "A system message put before the conversation, unless the conversation already starts"
                    + " with one.")
    private String systemMessage;

    @UriParam(label = "chat", description = "Sampling temperature, between 0 and 2.")
    private Double temperature;

    @UriParam(
            label = "chat",
            description =
                    "The most tokens the answer may have; must be positive. A ChatRequest body's own limit" + " wins.")
    private Integer maxTokens;

    @UriParam(
            label = "chat",
            description = "The routing strategy when the model string has no tags, as in the x-clod-strategy"
                    + " header: one or more of price, latency, tokenrate, separated by comma or plus.")
    private String strategy;

    @UriParam(
            label = "chat",
            defaultValue = "text",
            enums = "text,response",
            description = "What the body holds after the call: text (the answer's text) or response (the whole"
                    + " ChatResponse record).")
    private String outputMode = "text";

    @UriParam(
            label = "chat",
            defaultValue = "false",
            description = "Stream the answer: the body becomes an Iterator of text pieces that"
                    + " split(body()).streaming() consumes as they arrive. Token and cost headers are set on"
                    + " the exchange when the stream ends.")
    private boolean stream;

    @UriParam(
            label = "chat,advanced",
            defaultValue = "4096",
            description = "How many text pieces a stream holds for a consumer that has fallen behind. When it"
                    + " falls further behind, the stream is cancelled and the iterator throws, so memory stays"
                    + " bounded.")
    private int streamBufferSize = 4096;

    @UriParam(
            label = "tools",
            description = "Tools the model may call, as a comma-separated list of references to ClodTool beans"
                    + " (#weatherTool,#stockTool). Each tool is a Camel endpoint: the producer calls it with the"
                    + " arguments and sends its reply back to the model, until the model answers.")
    private String tools;

    @UriParam(
            label = "tools",
            defaultValue = "5",
            description = "The most rounds of tool calls one exchange may run. A model that asks for more ends"
                    + " the exchange with a ClodToolLoopException.")
    private int maxToolRounds = 5;

    @UriParam(
            label = "tools",
            description = "A budget in US dollars for a tool loop, as a decimal number such as 0.05: once the summed"
                    + " cost exceeds it, no further round is started and the exchange ends with a"
                    + " ClodToolLoopException.")
    private String maxCostUsd;

    @UriParam(
            label = "chat",
            description = "The project the embedded gateway records this endpoint's usage under, so usage can be"
                    + " read per project (with the component's ledger option, in the ledger servers read too). In"
                    + " remote mode the API key decides the project and this option is not used.")
    private String project;

    @UriParam(
            label = "prices",
            enums = "4h,24h,7d",
            description = "For prices with a model: the model's price history over this window before now, 4h, 24h"
                    + " or 7d, instead of its prices now.")
    private String window;

    @UriParam(
            label = "prices",
            description = "For prices: only these sites, as a comma-separated list of site ids, in the list the"
                    + " producer answers with and in the changes the consumer emits.")
    private String site;

    @UriParam(
            label = "prices,consumer",
            defaultValue = "60000",
            javaType = "java.time.Duration",
            description = "For the prices consumer in remote mode: how often the server's site prices are read to"
                    + " find changes (60s unless set). The embedded gateway tells of each change as it happens.")
    private long pollInterval = 60_000;

    @UriParam(
            label = "remote",
            description = "The base URL of a clod gateway server, ending in /v1. When set, the endpoint calls that"
                    + " server instead of the gateway embedded in the application.")
    private String baseUrl;

    @UriParam(
            label = "remote,security",
            secret = true,
            description = "The API key sent to the gateway server as a bearer token (remote mode).")
    private String apiKey;

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getSystemMessage() {
        return systemMessage;
    }

    public void setSystemMessage(String systemMessage) {
        this.systemMessage = systemMessage;
    }

    public Double getTemperature() {
        return temperature;
    }

    public void setTemperature(Double temperature) {
        this.temperature = temperature;
    }

    public Integer getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public String getStrategy() {
        return strategy;
    }

    public void setStrategy(String strategy) {
        this.strategy = strategy;
    }

    public String getOutputMode() {
        return outputMode;
    }

    public void setOutputMode(String outputMode) {
        this.outputMode = outputMode;
    }

    public boolean isStream() {
        return stream;
    }

    public void setStream(boolean stream) {
        this.stream = stream;
    }

    public int getStreamBufferSize() {
        return streamBufferSize;
    }

    public void setStreamBufferSize(int streamBufferSize) {
        this.streamBufferSize = streamBufferSize;
    }

    public String getTools() {
        return tools;
    }

    public void setTools(String tools) {
        this.tools = tools;
    }

    public int getMaxToolRounds() {
        return maxToolRounds;
    }

    public void setMaxToolRounds(int maxToolRounds) {
        this.maxToolRounds = maxToolRounds;
    }

    /** The budget as written; kept as text so that no binary fraction ever touches the amount. */
    public String getMaxCostUsd() {
        return maxCostUsd;
    }

    public void setMaxCostUsd(String maxCostUsd) {
        this.maxCostUsd = maxCostUsd;
    }

    public String getWindow() {
        return window;
    }

    public void setWindow(String window) {
        this.window = window;
    }

    public String getSite() {
        return site;
    }

    public void setSite(String site) {
        this.site = site;
    }

    /** The poll interval in milliseconds. */
    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** Whether endpoints with this configuration call a gateway server rather than the embedded one. */
    public boolean isRemote() {
        return baseUrl != null && !baseUrl.isBlank();
    }

    /** A copy an endpoint may change without touching the component's defaults. */
    public ClodConfiguration copy() {
        try {
            return (ClodConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
