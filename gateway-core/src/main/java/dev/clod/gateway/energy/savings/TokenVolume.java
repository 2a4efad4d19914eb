package dev.clod.gateway.energy.savings;

/**
 * A number of input (prompt) and output (completion) tokens: the work a job asks for.
 *
 * @param input input tokens; never negative
 * @param output output tokens; never negative
 */
public record TokenVolume(long input, long output) {

    public static final TokenVolume NONE = new TokenVolume(0, 0);

    public TokenVolume {
        if (input < 0 || output < 0) {
            throw new IllegalArgumentException("token counts are never negative: " + input + ", " + output);
        }
    }

    /** This volume {@code count} times over, such as the tokens of {@code count} alike requests. */
    public TokenVolume times(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count is never negative: " + count);
        }
        return new TokenVolume(Math.multiplyExact(input, count), Math.multiplyExact(output, count));
    }
}
