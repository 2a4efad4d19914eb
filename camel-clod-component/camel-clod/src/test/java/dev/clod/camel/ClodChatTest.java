package dev.clod.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.Gateway;
import dev.clod.gateway.ModelListing;
import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatMessage;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.SystemMessage;
import dev.clod.gateway.api.UserMessage;
import dev.clod.gateway.usage.UsageRow;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** clod:chat, clod:models and clod:usage over an embedded gateway the application built itself. */
class ClodChatTest extends CamelTestSupport {

    private Gateway gateway;

    @Override
    protected void bindToRegistry(Registry registry) {
        // Bound by type only: the component finds it by autowiring.
        gateway = Gateway.create(TestGateways.catalog("/clod-test.yaml", Map.of()), Clock.systemUTC());
        registry.bind("myGateway", gateway);
    }

    @Override
    protected void doPostTearDown() {
        gateway.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chat").to("clod:chat?model=sim-llama");
                from("direct:bare").to("clod:chat");
                from("direct:system").to("clod:chat?model=sim-llama&systemMessage=Be brief.&outputMode=response");
                from("direct:limited").to("clod:chat?model=sim-llama&maxTokens=3&temperature=0.2");
                from("direct:twice").to("clod:chat?model=sim-llama").to("clod:chat?model=sim-llama:price");
                from("direct:models").to("clod:models");
                from("direct:usage").to("clod:usage");
            }
        };
    }

    @Test
    void aStringBodyIsOneUserMessageAndTheReplyTextComesBack() {
        Exchange answer = template.request("direct:chat", e -> e.getMessage().setBody("Summarise ticket 42"));

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getBody()).isInstanceOf(String.class);
        assertThat(answer.getMessage().getBody(String.class)).contains("Summarise ticket 42");
        assertThat(answer.getMessage().getHeaders())
                .containsEntry(ClodConstants.RESOLVED_MODEL, "sim-llama")
                .containsEntry(ClodConstants.PROVIDER, "sim")
                .containsEntry(ClodConstants.DEPLOYMENT, "sim-llama/sim")
                .containsEntry(ClodConstants.SITE, "chicago")
                .containsEntry(ClodConstants.FINISH_REASON, "stop");
        int prompt = answer.getMessage().getHeader(ClodConstants.PROMPT_TOKENS, Integer.class);
        int completion = answer.getMessage().getHeader(ClodConstants.COMPLETION_TOKENS, Integer.class);
        assertThat(answer.getMessage().getHeader(ClodConstants.TOTAL_TOKENS, Integer.class))
                .isEqualTo(prompt + completion)
                .isPositive();
        assertThat(answer.getMessage().getHeader(ClodConstants.REQUEST_ID, String.class))
                .isEqualTo(answer.getExchangeId());
    }

    @Test
    void aListBodyIsTheConversation() {
        List<ChatMessage> conversation = List.of(
                UserMessage.of("My name is Ada."),
                AssistantMessage.of("Hello Ada."),
                UserMessage.of("What is my name?"));

        Exchange answer = template.request("direct:chat", e -> e.getMessage().setBody(conversation));

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getBody(String.class)).contains("What is my name?");
    }

    @Test
    void aRequestBodyKeepsItsOwnModelUnlessTheHeaderOverridesIt() {
        ChatRequest request = ChatRequest.of("sim-llama", List.of(UserMessage.of("Classify: printer on fire")));

        Exchange own = template.request("direct:bare", e -> e.getMessage().setBody(request));
        Exchange overridden = template.request("direct:bare", e -> {
            e.getMessage().setBody(request.withModel("no-such-model"));
            e.getMessage().setHeader(ClodConstants.MODEL, "sim-llama:latency");
        });

        assertThat(own.getException()).isNull();
        assertThat(own.getMessage().getBody(String.class)).contains("printer on fire");
        assertThat(overridden.getException()).isNull();
        assertThat(overridden.getMessage().getHeaders())
                .containsEntry(ClodConstants.RESOLVED_MODEL, "sim-llama")
                .containsEntry(ClodConstants.STRATEGY, "latency");
    }

    @Test
    void theResponseModeGivesTheWholeResponseAndTheSystemMessageComesFirst() {
        Exchange answer = template.request("direct:system", e -> {
            e.getMessage().setBody("Hi");
            e.getMessage().setHeader(ClodConstants.SYSTEM_MESSAGE, "Answer in French.");
        });

        assertThat(answer.getException()).isNull();
        ChatResponse response = answer.getMessage().getBody(ChatResponse.class);
        assertThat(response.model()).isEqualTo("sim-llama");
        assertThat(response.firstMessage().content()).contains("Hi");
        assertThat(response.usage().totalTokens())
                .isEqualTo(answer.getMessage().getHeader(ClodConstants.TOTAL_TOKENS, Integer.class));
    }

    @Test
    void theSystemMessageHeaderIsSentBeforeTheUserMessage() {
        // The prompt grows by the system message: the simulated model counts what it was sent.
        Exchange without = template.request("direct:chat", e -> e.getMessage().setBody("Hi"));
        Exchange with = template.request("direct:chat", e -> {
            e.getMessage().setBody("Hi");
            e.getMessage()
                    .setHeader(
                            ClodConstants.SYSTEM_MESSAGE, "You are a terse assistant that answers in one word only.");
        });

        assertThat(with.getMessage().getHeader(ClodConstants.PROMPT_TOKENS, Integer.class))
                .isGreaterThan(without.getMessage().getHeader(ClodConstants.PROMPT_TOKENS, Integer.class));
    }

    @Test
    void maxTokensCutsTheAnswerShort() {
        Exchange answer = template.request("direct:limited", e -> e.getMessage().setBody("Tell me a long story"));

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeaders())
                .containsEntry(ClodConstants.FINISH_REASON, "length")
                .containsEntry(ClodConstants.COMPLETION_TOKENS, 3);
    }

    @Test
    void aSecondStepUsesItsOwnModelNotTheFirstStepsAnswer() {
        Exchange answer = template.request("direct:twice", e -> e.getMessage().setBody("Translate: bonjour"));

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeaders())
                .containsEntry(ClodConstants.RESOLVED_MODEL, "sim-llama")
                .containsEntry(ClodConstants.STRATEGY, "price");
    }

    @Test
    void modelsListsTheCatalog() {
        List<?> models = template.requestBody("direct:models", null, List.class);

        assertThat(models).allMatch(ModelListing.class::isInstance);
        assertThat(models.stream().map(m -> ((ModelListing) m).model().id()))
                .containsExactly("sim-llama", "wired-failing", "wired-rejecting", "wired-looping", "gated-stream");
    }

    @Test
    void usageCountsWhatTheGatewayServed() {
        template.requestBody("direct:chat", "one");
        template.requestBody("direct:chat", "two");

        List<?> rows = template.requestBody("direct:usage", null, List.class);

        assertThat(rows).hasSize(1);
        UsageRow row = (UsageRow) rows.get(0);
        assertThat(row.key()).isEqualTo("sim-llama");
        assertThat(row.requests()).isEqualTo(2);
        assertThat(row.costUsd()).isPositive();
    }

    @Test
    void aSystemMessageAlreadyInTheConversationIsKept() {
        List<ChatMessage> conversation = List.of(SystemMessage.of("Be formal."), UserMessage.of("Hi"));

        // direct:system has a systemMessage option; direct:chat has none. Equal prompts: nothing was added.
        Exchange withOption =
                template.request("direct:system", e -> e.getMessage().setBody(conversation));
        Exchange withoutOption =
                template.request("direct:chat", e -> e.getMessage().setBody(conversation));

        assertThat(withOption.getException()).isNull();
        assertThat(withOption.getMessage().getHeader(ClodConstants.PROMPT_TOKENS, Integer.class))
                .isEqualTo(withoutOption.getMessage().getHeader(ClodConstants.PROMPT_TOKENS, Integer.class));
    }
}
