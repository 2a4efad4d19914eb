package dev.clod.examples.tools;

import dev.clod.camel.ClodToolLoopException;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Asks each configured question through {@code clod:chat} with the two tool routes on offer, one question
 * after the other, then reports the run and lets the application end.
 *
 * <p>Properties: {@code tools.questions} (separated by {@code |}), {@code tools.model}, and the tool
 * loop's bounds {@code tools.max-tool-rounds} and {@code tools.max-cost-usd}.
 */
public final class QuestionRoutes extends RouteBuilder {

    static final String ASK = "direct:ask";
    static final String WEATHER_TOOL = "weatherTool";
    static final String CURRENCY_TOOL = "currencyTool";

    private final Transcript transcript;
    private final Runnable whenDone;

    /**
     * @param whenDone run once every question has been asked, whatever the outcome
     */
    public QuestionRoutes(Transcript transcript, Runnable whenDone) {
        this.transcript = transcript;
        this.whenDone = whenDone;
    }

    @Override
    public void configure() {
        // A loop that hits a bound is an answer of its own: say so and go on with the next question.
        onException(ClodToolLoopException.class)
                .handled(true)
                .process(exchange -> transcript.stopped(
                        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ClodToolLoopException.class)));

        from("timer:questions?repeatCount=1")
                .routeId("ask-questions")
                .process(exchange -> exchange.getMessage().setBody(questions()))
                .doTry()
                // Not stopOnException: a loop stopped at its bound counts as handled, and should not end the run.
                .split(body())
                .to(ASK)
                .end()
                .endDoTry()
                .doCatch(Exception.class)
                .process(
                        exchange -> transcript.failed(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                .doFinally()
                .process(exchange -> {
                    transcript.printSummary();
                    whenDone.run();
                })
                .end();

        from(ASK)
                .routeId("answer-question")
                .process(exchange -> transcript.asked(exchange.getMessage().getBody(String.class)))
                .to("clod:chat?model={{tools.model}}&tools=#" + WEATHER_TOOL + ",#" + CURRENCY_TOOL
                        + "&maxToolRounds={{tools.max-tool-rounds}}&maxCostUsd={{tools.max-cost-usd}}"
                        + "&systemMessage=Answer from the tools' results. Call a tool whenever the question needs"
                        + " the weather or a currency conversion.")
                .process(transcript::answered);
    }

    private List<String> questions() {
        String configured = getContext()
                .getPropertiesComponent()
                .resolveProperty("tools.questions")
                .orElseThrow(() -> new IllegalStateException("set tools.questions"));
        return Arrays.stream(configured.split("\\|"))
                .map(String::strip)
                .filter(question -> !question.isEmpty())
                .toList();
    }
}
