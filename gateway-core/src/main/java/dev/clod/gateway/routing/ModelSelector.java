package dev.clod.gateway.routing;

import dev.clod.gateway.api.InvalidRequestException;
import java.util.EnumSet;
import java.util.List;

/**
 * Parses a {@code model} field such as {@code "Llama 3.1 8B@price@latency"} into a model and a
 * strategy, and the {@code x-clod-strategy} header or a configured default into a strategy.
 *
 * <p>Grammar: {@code model(@tag)*}, or with {@code :} instead of {@code @} for clients that cannot send
 * an at-sign; a bare {@code @tag[@tag]} leaves the model open. Tags are case-insensitive, may come in
 * any order and may repeat. Because model ids may themselves contain colons ({@code qwen2.5:7b}), only
 * the trailing {@code :}-pieces before the first {@code @} that are valid tags count as tags: {@code
 * qwen2.5:7b:price} is model {@code qwen2.5:7b} with strategy price. After the first {@code @}, both {@code @} and
 * {@code :} separate tags.
 *
 * <p>Both parsers run on every request, so they scan characters instead of using regular expressions
 * and match tags in place without copying them.
 */
public final class ModelSelector {

    /** The header through which clients that cannot put tags into the model name choose a strategy. */
    public static final String STRATEGY_HEADER = "x-clod-strategy";

    private static final String MODEL_PARAM = "model";
    private static final int ECHO_LIMIT = 200;
    private static final Objective[] OBJECTIVES = Objective.values();
    // Every non-empty set of objectives, indexed by its bit mask, so parsing allocates no strategy.
    private static final Strategy[] STRATEGIES = strategiesByMask();

    private ModelSelector() {}

    /**
     * Parses a model string.
     *
     * @throws InvalidRequestException (param {@code model}) for an empty string, an empty tag
     *     ({@code llama@}, {@code llama@@price}, {@code @}) or an unknown tag; the message names the
     *     bad tag and lists the valid ones
     */
    public static ModelSelection parse(String modelString) {
        if (modelString == null || isBlank(modelString, 0, modelString.length())) {
            throw new InvalidRequestException("The model must not be empty.", MODEL_PARAM);
        }
        int length = modelString.length();
        int at = modelString.indexOf('@');
        int headEnd = at < 0 ? length : at;

        // Trailing ':'-pieces that are tags are tags; the first that is not ends them, so model ids with
        // colons of their own (qwen2.5:7b) stay whole and can still be tagged (qwen2.5:7b:price).
        int mask = 0;
        int modelEnd = headEnd;
        while (true) {
            int colon = modelString.lastIndexOf(':', modelEnd - 1);
            int bit = colon < 0 ? 0 : tagBit(modelString, colon + 1, modelEnd);
            if (bit == 0) {
                break;
            }
            mask |= bit;
            modelEnd = colon;
        }
        if (at >= 0) {
            mask |= tagsAfterAt(modelString, at + 1, length);
        }

        // A blank model is only possible next to at least one tag, so the selection is never empty.
        String model = trimmedOrNull(modelString, 0, modelEnd);
        return new ModelSelection(model, mask == 0 ? null : STRATEGIES[mask]);
    }

    /** Parses the {@value #STRATEGY_HEADER} header; see {@link #parseStrategy(String, String)}. */
    public static Strategy parseStrategy(String value) {
        return parseStrategy(value, STRATEGY_HEADER);
    }

    /**
     * Parses a list of tags separated by {@code ,}, {@code @}, {@code +}, {@code :} or whitespace, such as
     * {@code "price, latency"} or {@code "price+latency"}. Runs of separators count as one.
     *
     * @param param where the value came from, named in errors: {@code x-clod-strategy}, a config key
     * @throws InvalidRequestException (with {@code param}) when the value names no tag or an unknown one
     */
    public static Strategy parseStrategy(String value, String param) {
        int mask = 0;
        if (value != null) {
            int length = value.length();
            int start = 0;
            while (start < length) {
                while (start < length && isStrategySeparator(value.charAt(start))) {
                    start++;
                }
                int end = start;
                while (end < length && !isStrategySeparator(value.charAt(end))) {
                    end++;
                }
                if (end > start) {
                    mask |= bitOrFail(value, start, end, param);
                }
                start = end;
            }
        }
        if (mask == 0) {
            throw new InvalidRequestException(
                    "The " + param + " value names no strategy tag. Valid tags: " + Objective.validTags() + ".", param);
        }
        return STRATEGIES[mask];
    }

    private static int tagsAfterAt(String text, int from, int length) {
        int mask = 0;
        int start = from;
        while (true) {
            int end = start;
            while (end < length && !isTagSeparator(text.charAt(end))) {
                end++;
            }
            if (isBlank(text, start, end)) {
                throw new InvalidRequestException(
                        "Empty strategy tag in model '" + echo(text) + "'. Valid tags: " + Objective.validTags() + ".",
                        MODEL_PARAM);
            }
            mask |= bitOrFail(text, start, end, MODEL_PARAM);
            if (end == length) {
                return mask;
            }
            start = end + 1;
        }
    }

    private static int bitOrFail(String text, int start, int end, String param) {
        int bit = tagBit(text, start, end);
        if (bit == 0) {
            throw new InvalidRequestException(
                    "Unknown strategy tag '" + echo(text.substring(start, end).trim()) + "' in " + param + " '"
                            + echo(text) + "'. Valid tags: " + Objective.validTags() + ".",
                    param);
        }
        return bit;
    }

    /** The bit of the objective the (trimmed) region names, or 0 when it names none. */
    private static int tagBit(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int length = end - start;
        if (length == 0) {
            return 0;
        }
        for (Objective objective : OBJECTIVES) {
            List<String> tags = objective.tags();
            for (int i = 0; i < tags.size(); i++) {
                String tag = tags.get(i);
                if (tag.length() == length && text.regionMatches(true, start, tag, 0, length)) {
                    return 1 << objective.ordinal();
                }
            }
        }
        return 0;
    }

    /** Caller text as quoted in an error: long enough to recognise, short enough for a log line. */
    private static String echo(String text) {
        return text.length() <= ECHO_LIMIT ? text : text.substring(0, ECHO_LIMIT) + "...";
    }

    private static boolean isTagSeparator(char c) {
        return c == '@' || c == ':';
    }

    private static boolean isStrategySeparator(char c) {
        return c == ',' || c == '@' || c == '+' || c == ':' || Character.isWhitespace(c);
    }

    private static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String trimmedOrNull(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : text.substring(start, end);
    }

    private static Strategy[] strategiesByMask() {
        Strategy[] strategies = new Strategy[1 << OBJECTIVES.length];
        for (int mask = 1; mask < strategies.length; mask++) {
            EnumSet<Objective> objectives = EnumSet.noneOf(Objective.class);
            for (Objective objective : OBJECTIVES) {
                if ((mask & (1 << objective.ordinal())) != 0) {
                    objectives.add(objective);
                }
            }
            strategies[mask] = new Strategy(objectives);
        }
        return strategies;
    }
}
