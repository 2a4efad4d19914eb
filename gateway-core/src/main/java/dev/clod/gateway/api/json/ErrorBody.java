package dev.clod.gateway.api.json;

/**
 * The fields of an error an OpenAI-compatible server answered with. Every field may be null; {@code
 * code} is kept as text because some servers send a number there (an HTTP status) and others a
 * string such as {@code rate_limit_exceeded}.
 */
public record ErrorBody(String message, String type, String param, String code) {

    /** The code as an HTTP status when the server put one there, else 0. */
    public int codeAsStatus() {
        if (code == null || code.length() != 3) {
            return 0;
        }
        for (int i = 0; i < 3; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return 0;
            }
        }
        int status = Integer.parseInt(code);
        return status >= 100 && status <= 599 ? status : 0;
    }
}
