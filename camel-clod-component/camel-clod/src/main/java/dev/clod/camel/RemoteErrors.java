package dev.clod.camel;

import dev.clod.gateway.api.json.ChatJson;
import dev.clod.gateway.api.json.ErrorBody;
import java.nio.charset.StandardCharsets;

/** Turns what a gateway server answered instead of a result into a {@link ClodRemoteException}. */
public final class RemoteErrors {

    private static final int EXCERPT_CHARS = 200;

    private RemoteErrors() {}

    public static ClodRemoteException fromResponse(int status, byte[] body) {
        return ChatJson.readError(body)
                .map(error -> fromBody(status, error))
                .orElseGet(() -> new ClodRemoteException(
                        status,
                        "api_error",
                        null,
                        null,
                        "The gateway server answered HTTP " + status + " without an error body: " + excerpt(body),
                        null));
    }

    /** An error that arrived inside a stream, after its status was sent. */
    static ClodRemoteException fromBody(int status, ErrorBody error) {
        int effective = status >= 400 ? status : error.codeAsStatus() > 0 ? error.codeAsStatus() : 502;
        return new ClodRemoteException(
                effective,
                error.type() == null ? "api_error" : error.type(),
                error.code(),
                error.param(),
                error.message() == null ? "The gateway server reported an error without a message" : error.message(),
                null);
    }

    public static ClodRemoteException unreachable(String baseUrl, Throwable cause) {
        return new ClodRemoteException(
                502,
                ClodRemoteException.CONNECTION_ERROR,
                null,
                null,
                "Could not reach the gateway server at " + baseUrl + ": " + cause,
                cause);
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "...";
    }
}
