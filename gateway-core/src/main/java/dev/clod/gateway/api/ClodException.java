package dev.clod.gateway.api;

/**
 * Every error the gateway reports to a caller. Each carries what OpenAI's error shape needs — an HTTP
 * status, a {@code type}, an optional {@code code} and the {@code param} at fault — so the server,
 * the Camel component and any embedding code answer the same way.
 */
public abstract class ClodException extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String param;

    protected ClodException(int status, String type, String code, String param, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    /** The HTTP status this error answers with. */
    public int status() {
        return status;
    }

    /** OpenAI's {@code error.type}, e.g. {@code invalid_request_error}. */
    public String type() {
        return type;
    }

    /** OpenAI's {@code error.code}, e.g. {@code model_not_found}; may be null. */
    public String code() {
        return code;
    }

    /** The request parameter at fault, e.g. {@code messages[0].content}; may be null. */
    public String param() {
        return param;
    }
}
