package dev.clod.camel;

import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.routing.ModelSelection;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs one operation per exchange. Calls block the route's thread until the answer (or, for a stream,
 * its first piece) is there: the gateway's own threads never run the rest of a route, which may well
 * call the gateway again.
 */
public class ClodProducer extends DefaultProducer {

    private ClodClient client;
    private ProducerTemplate template;
    private ToolLoop toolLoop;

    public ClodProducer(ClodEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public ClodEndpoint getEndpoint() {
        return (ClodEndpoint) super.getEndpoint();
    }

    /** Fails the route's start, not its first exchange, when the gateway cannot serve the endpoint. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ClodEndpoint endpoint = getEndpoint();
        client = endpoint.getComponent().client(endpoint.getConfiguration());
        ModelSelection selection = endpoint.modelSelection();
        if (selection != null && selection.model() != null) {
            client.checkModel(selection.model());
        }
        if (!endpoint.toolList().isEmpty()) {
            for (ClodTool tool : endpoint.toolList()) {
                // Resolving the endpoint fails now on a typo in a tool's URI.
                getEndpoint().getCamelContext().getEndpoint(tool.endpointUri());
            }
            template = getEndpoint().getCamelContext().createProducerTemplate();
            template.start();
        }
        ClodConfiguration config = endpoint.getConfiguration();
        toolLoop = new ToolLoop(
                client,
                new ToolRunner(template, endpoint.toolList()),
                config.getMaxToolRounds(),
                endpoint.maxCostUsd());
    }

    @Override
    protected void doStop() throws Exception {
        if (template != null) {
            template.stop();
            template = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        switch (getEndpoint().operation()) {
            case CHAT -> {
                ReplyHeaders.clear(message);
                if (getEndpoint().getConfiguration().isStream()) {
                    stream(exchange, message);
                } else {
                    chat(exchange, message);
                }
            }
            case MODELS -> message.setBody(client.models());
            case USAGE -> message.setBody(client.usage());
        }
    }

    private void chat(Exchange exchange, Message message) {
        ClodEndpoint endpoint = getEndpoint();
        ChatRequest request = ChatRequests.from(message, endpoint.getConfiguration(), endpoint.toolList());
        ToolLoop.Outcome outcome = toolLoop.run(request, endpoint.strategy(), exchange.getExchangeId());
        ChatResponse response = outcome.last().response();
        ReplyHeaders.answer(message, outcome.last(), outcome.usage(), outcome.costUsd());
        if (!endpoint.toolList().isEmpty()) {
            message.setHeader(ClodConstants.TOOL_ROUNDS, outcome.rounds());
        }
        var toolCalls = response.firstMessage().toolCalls();
        if (!toolCalls.isEmpty()) {
            message.setHeader(ClodConstants.TOOL_CALLS, toolCalls);
        }
        if (endpoint.outputMode() == ClodEndpoint.OutputMode.RESPONSE) {
            message.setBody(response);
        } else {
            message.setBody(response.firstMessage().content());
        }
    }

    private void stream(Exchange exchange, Message message) {
        ClodEndpoint endpoint = getEndpoint();
        ChatRequest request = ChatRequests.from(message, endpoint.getConfiguration(), endpoint.toolList());
        ClodStream stream = new ClodStream(message, endpoint.getConfiguration().getStreamBufferSize());
        stream.attach(client.stream(request, endpoint.strategy(), exchange.getExchangeId(), stream));
        stream.awaitStart().applyTo(message);
        message.setBody(stream);
    }
}
