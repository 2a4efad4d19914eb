package dev.clod.camel;

import org.apache.camel.spi.Metadata;

/**
 * The headers {@code clod:} reads and writes. Headers the producer writes are replaced on every call,
 * so an exchange that passes two {@code clod:chat} steps never carries the first step's values into
 * the second's answer. The resolved model is written to {@link #RESOLVED_MODEL}, not to {@link #MODEL},
 * for the same reason: a second step must not mistake the first step's answer for a model override.
 */
public final class ClodConstants {

    @Metadata(
            label = "producer",
            description = "In: the model string for this exchange, strategy tags allowed (for example"
                    + " llama-3.1-8b:price); overrides the model option and the model of a ChatRequest body.",
            javaType = "String")
    public static final String MODEL = "CamelClodModel";

    @Metadata(
            label = "producer",
            description = "In: the system message for this exchange; overrides the systemMessage option.",
            javaType = "String")
    public static final String SYSTEM_MESSAGE = "CamelClodSystemMessage";

    @Metadata(
            label = "producer",
            description = "Out: the id of the model that answered, as resolved from the model string.",
            javaType = "String")
    public static final String RESOLVED_MODEL = "CamelClodResolvedModel";

    @Metadata(label = "producer", description = "Out: the provider that served the answer.", javaType = "String")
    public static final String PROVIDER = "CamelClodProvider";

    @Metadata(
            label = "producer",
            description = "Out: the deployment that served the answer (model/provider).",
            javaType = "String")
    public static final String DEPLOYMENT = "CamelClodDeployment";

    @Metadata(
            label = "producer,consumer",
            description = "Out: the data center that served the answer; absent for a third party's cloud. From"
                    + " clod:prices: the site whose price changed, or the model's cheapest site.",
            javaType = "String")
    public static final String SITE = "CamelClodSite";

    @Metadata(
            label = "producer,consumer",
            description = "Out of clod:prices: the electricity price in US dollars per MWh at the site of"
                    + " CamelClodSite.",
            javaType = "java.math.BigDecimal")
    public static final String USD_PER_MWH = "CamelClodUsdPerMwh";

    @Metadata(
            label = "producer,consumer",
            description = "Out of clod:prices: how fresh the price at the site of CamelClodSite is: live, stale or"
                    + " fallback.",
            javaType = "String")
    public static final String PRICE_STATUS = "CamelClodPriceStatus";

    @Metadata(
            label = "producer",
            description =
                    "Out: the routing strategy that was applied: its tags joined by a plus sign, such as price or latency and price.",
            javaType = "String")
    public static final String STRATEGY = "CamelClodStrategy";

    @Metadata(
            label = "producer",
            description = "Out: a one-line explanation of the routing decision.",
            javaType = "String")
    public static final String ROUTE = "CamelClodRoute";

    @Metadata(
            label = "producer,consumer",
            description = "Out: the instant of the prices the request was routed and billed at, ISO-8601 UTC;"
                    + " the energy clock's, which replays past prices in the demo catalog. From clod:prices: the"
                    + " instant of the prices in the body.",
            javaType = "String")
    public static final String PRICED_AT = "CamelClodPricedAt";

    @Metadata(
            label = "producer",
            description = "Out: the id the gateway knows the request by (the last request of a tool loop).",
            javaType = "String")
    public static final String REQUEST_ID = "CamelClodRequestId";

    @Metadata(
            label = "producer",
            description = "Out: prompt tokens, summed over every round of a tool loop. When streaming, set when"
                    + " the stream ends.",
            javaType = "Integer")
    public static final String PROMPT_TOKENS = "CamelClodPromptTokens";

    @Metadata(
            label = "producer",
            description = "Out: completion tokens, summed over every round of a tool loop. When streaming, set"
                    + " when the stream ends.",
            javaType = "Integer")
    public static final String COMPLETION_TOKENS = "CamelClodCompletionTokens";

    @Metadata(
            label = "producer",
            description = "Out: prompt plus completion tokens. When streaming, set when the stream ends.",
            javaType = "Integer")
    public static final String TOTAL_TOKENS = "CamelClodTotalTokens";

    @Metadata(
            label = "producer",
            description = "Out: what the answer cost in US dollars, summed over every round of a tool loop. When"
                    + " streaming, set when the stream ends; absent for streams in remote mode, whose cost the"
                    + " server does not send.",
            javaType = "java.math.BigDecimal")
    public static final String COST_USD = "CamelClodCostUsd";

    @Metadata(
            label = "producer",
            description = "Out: why the model stopped: stop, length, tool_calls or content_filter. When"
                    + " streaming, set when the stream ends.",
            javaType = "String")
    public static final String FINISH_REASON = "CamelClodFinishReason";

    @Metadata(
            label = "producer",
            description = "Out: the tool calls the model asked for, when it asked for tools and no tool routes"
                    + " were configured to run them.",
            javaType = "java.util.List<dev.clod.gateway.api.ToolCall>")
    public static final String TOOL_CALLS = "CamelClodToolCalls";

    @Metadata(
            label = "producer",
            description = "Out: how many rounds of tool calls the tool loop ran.",
            javaType = "Integer")
    public static final String TOOL_ROUNDS = "CamelClodToolRounds";

    @Metadata(
            label = "producer",
            description = "Sent to a tool route: the name of the tool the model called.",
            javaType = "String")
    public static final String TOOL_NAME = "CamelClodToolName";

    @Metadata(label = "producer", description = "Sent to a tool route: the id of the tool call.", javaType = "String")
    public static final String TOOL_CALL_ID = "CamelClodToolCallId";

    @Metadata(
            label = "producer",
            description = "Sent to a tool route: the arguments as the model wrote them, a JSON object as text."
                    + " The body holds the same arguments parsed into a Map.",
            javaType = "String")
    public static final String TOOL_ARGUMENTS = "CamelClodToolArguments";

    /** Every header the producer writes, cleared before each call. */
    static final String[] OUTPUT_HEADERS = {
        RESOLVED_MODEL,
        PROVIDER,
        DEPLOYMENT,
        SITE,
        STRATEGY,
        ROUTE,
        PRICED_AT,
        REQUEST_ID,
        PROMPT_TOKENS,
        COMPLETION_TOKENS,
        TOTAL_TOKENS,
        COST_USD,
        FINISH_REASON,
        TOOL_CALLS,
        TOOL_ROUNDS
    };

    private ClodConstants() {}
}
