package dev.clod.camel;

import dev.clod.gateway.api.Usage;
import java.math.BigDecimal;

/**
 * A tool loop stopped at one of its bounds before the model gave an answer. What was spent until then
 * is kept, because it was billed.
 */
public final class ClodToolLoopException extends RuntimeException {

    /** Which bound stopped the loop. */
    public enum Bound {
        /** The model asked for another round after {@code maxToolRounds} rounds. */
        ROUNDS,
        /** The summed cost exceeded {@code maxCostUsd}. */
        COST
    }

    private final Bound bound;
    private final int rounds;
    private final transient Usage usage;
    private final BigDecimal costUsd;

    public ClodToolLoopException(Bound bound, int rounds, Usage usage, BigDecimal costUsd, String message) {
        super(message);
        this.bound = bound;
        this.rounds = rounds;
        this.usage = usage;
        this.costUsd = costUsd;
    }

    public Bound bound() {
        return bound;
    }

    /** The rounds of tool calls that ran. */
    public int rounds() {
        return rounds;
    }

    /** Tokens used by every model call of the loop. */
    public Usage usage() {
        return usage;
    }

    /** What every model call of the loop cost, in US dollars; null when the server did not say. */
    public BigDecimal costUsd() {
        return costUsd;
    }
}
