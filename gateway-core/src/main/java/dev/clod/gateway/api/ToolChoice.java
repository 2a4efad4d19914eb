package dev.clod.gateway.api;

import java.util.Objects;

/** How the model may use the offered tools. */
public record ToolChoice(Mode mode, String functionName) {

    public enum Mode {
        AUTO,
        NONE,
        REQUIRED,
        /** The named function must be called. */
        FUNCTION
    }

    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);
    public static final ToolChoice NONE = new ToolChoice(Mode.NONE, null);
    public static final ToolChoice REQUIRED = new ToolChoice(Mode.REQUIRED, null);

    public ToolChoice {
        Objects.requireNonNull(mode, "mode");
        if ((mode == Mode.FUNCTION) != (functionName != null)) {
            throw new IllegalArgumentException("functionName is set exactly when mode is FUNCTION");
        }
    }

    public static ToolChoice function(String name) {
        return new ToolChoice(Mode.FUNCTION, name);
    }
}
