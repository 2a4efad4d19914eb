package dev.clod.gateway.routing;

/**
 * What a caller's {@code model} field asks for, once parsed by {@link ModelSelector#parse(String)}.
 *
 * @param model the model id or display name, trimmed; null for a bare tag such as {@code @latency},
 *     which picks among every model the caller may use
 * @param strategy the strategy the tags name; null when the model string carries no tag, so the
 *     caller's or the configured default applies
 */
public record ModelSelection(String model, Strategy strategy) {

    public ModelSelection {
        if (model == null && strategy == null) {
            throw new IllegalArgumentException("a selection names a model, a strategy or both");
        }
    }

    /** Whether the caller left the model open and only asked for a strategy. */
    public boolean anyModel() {
        return model == null;
    }
}
