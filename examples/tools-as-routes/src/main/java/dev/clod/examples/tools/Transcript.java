package dev.clod.examples.tools;

import dev.clod.camel.ClodConstants;
import dev.clod.camel.ClodToolLoopException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What happened to each question: the tool calls the model made, with their arguments and results, the
 * answer and what it cost. Printed as it happens, and kept for whoever ran the application.
 */
public final class Transcript {

    /** One call of a tool route: the arguments as the model wrote them and the result as sent back. */
    public record ToolCall(String tool, String arguments, String result) {}

    /**
     * One question and its outcome. {@code answer} is null when the tool loop stopped at a bound, and
     * {@code stoppedBy} then says which.
     */
    public record Entry(
            String question,
            List<ToolCall> toolCalls,
            String answer,
            ClodToolLoopException.Bound stoppedBy,
            int toolRounds,
            long tokens,
            BigDecimal costUsd,
            String deployment,
            String site) {}

    private final PrintStream out;
    private final List<Entry> entries = new ArrayList<>();
    private String question;
    private List<ToolCall> calls = new ArrayList<>();
    private Exception failure;

    public Transcript(PrintStream out) {
        this.out = out;
    }

    synchronized void asked(String text) {
        question = text;
        calls = new ArrayList<>();
        out.println();
        out.println("Q: " + text);
    }

    synchronized void toolReturned(String tool, String arguments, String result) {
        calls.add(new ToolCall(tool, arguments, result));
        out.println("   tool " + tool + " " + arguments);
        out.println("     -> " + result);
    }

    synchronized void answered(Exchange exchange) {
        Message message = exchange.getMessage();
        Entry entry = new Entry(
                question,
                List.copyOf(calls),
                message.getBody(String.class),
                null,
                message.getHeader(ClodConstants.TOOL_ROUNDS, 0, Integer.class),
                message.getHeader(ClodConstants.TOTAL_TOKENS, 0L, Long.class),
                message.getHeader(ClodConstants.COST_USD, BigDecimal.ZERO, BigDecimal.class),
                message.getHeader(ClodConstants.DEPLOYMENT, String.class),
                message.getHeader(ClodConstants.SITE, String.class));
        entries.add(entry);
        out.println("A: " + entry.answer());
        out.println("   " + entry.toolRounds() + " tool round(s), " + entry.tokens() + " tokens, $"
                + plain(entry.costUsd()) + " on " + entry.deployment()
                + (entry.site() == null ? "" : " (" + entry.site() + ")"));
    }

    synchronized void stopped(ClodToolLoopException stop) {
        BigDecimal cost = stop.costUsd() == null ? BigDecimal.ZERO : stop.costUsd();
        entries.add(new Entry(
                question,
                List.copyOf(calls),
                null,
                stop.bound(),
                stop.rounds(),
                stop.usage().totalTokens(),
                cost,
                null,
                null));
        out.println("Stopped: " + stop.getMessage() + " Spent $" + plain(cost) + ".");
    }

    synchronized void failed(Exception cause) {
        failure = cause;
        out.println("Failed: " + cause);
    }

    synchronized void printSummary() {
        long tokens = entries.stream().mapToLong(Entry::tokens).sum();
        int toolCalls =
                entries.stream().mapToInt(entry -> entry.toolCalls().size()).sum();
        long answered = entries.stream().filter(entry -> entry.answer() != null).count();
        out.println();
        out.println("Answered " + answered + " of " + entries.size() + " questions with " + toolCalls + " tool calls: "
                + tokens + " tokens, $" + plain(costUsd()));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized BigDecimal costUsd() {
        return entries.stream().map(Entry::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The exception that ended the run early, or null. */
    public synchronized Exception failure() {
        return failure;
    }

    private static String plain(BigDecimal usd) {
        return usd.stripTrailingZeros().toPlainString();
    }
}
