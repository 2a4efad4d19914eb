package dev.clod.gateway.provider.translation;

/**
 * The request holds something the upstream's wire format cannot carry, such as an audio part for an
 * API that takes only images, or a tool result that answers no earlier call. The message starts with
 * the request parameter at fault. Adapters report it as the caller's fault: the upstream would refuse
 * the request as well.
 */
public final class UntranslatableRequestException extends RuntimeException {

    private final String param;

    public UntranslatableRequestException(String param, String problem) {
        super(param + ": " + problem);
        this.param = param;
    }

    /** The request parameter at fault, e.g. {@code messages[2].content[1]}. */
    public String param() {
        return param;
    }
}
