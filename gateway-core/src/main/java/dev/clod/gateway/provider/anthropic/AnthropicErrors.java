package dev.clod.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.provider.http.RetryAfter;
import dev.clod.gateway.provider.http.TransportFailures;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;

/**
 * Anthropic's errors, {@code {"type":"error","error":{"type","message"},"request_id"}}, classed by
 * their {@code error.type} (which also names errors sent inside a stream, where the HTTP status is
 * 200), falling back to the HTTP status:
 *
 * <table>
 *   <caption>error types</caption>
 *   <tr><th>type</th><th>status</th><th>class</th></tr>
 *   <tr><td>invalid_request_error</td><td>400</td><td>caller fault</td></tr>
 *   <tr><td>authentication_error</td><td>401</td><td>credential</td></tr>
 *   <tr><td>billing_error</td><td>402</td><td>credential</td></tr>
 *   <tr><td>permission_error</td><td>403</td><td>credential</td></tr>
 *   <tr><td>not_found_error</td><td>404</td><td>model gone</td></tr>
 *   <tr><td>request_too_large</td><td>413</td><td>caller fault</td></tr>
 *   <tr><td>rate_limit_error</td><td>429</td><td>rate limited, with {@code retry-after}</td></tr>
 *   <tr><td>api_error</td><td>500</td><td>transient</td></tr>
 *   <tr><td>timeout_error</td><td>504</td><td>timeout</td></tr>
 *   <tr><td>overloaded_error</td><td>529</td><td>transient</td></tr>
 * </table>
 */
final class AnthropicErrors {

    private AnthropicErrors() {}

    /** A non-2xx answer. */
    static UpstreamException ofStatus(int status, HttpHeaders headers, byte[] body, String deployment) {
        JsonNode error = errorObject(body);
        String type = error == null ? null : error.path("type").asText(null);
        return failure(
                type, status, message(error, "upstream answered HTTP " + status), deployment, RetryAfter.of(headers));
    }

    /** An {@code error} event inside a stream that had started with HTTP 200. */
    static UpstreamException ofEvent(JsonNode event, String deployment) {
        JsonNode error = event.path("error");
        String type = error.path("type").asText(null);
        int meant = statusOf(type);
        return failure(type, meant, message(error, "upstream sent an error event without a message"), deployment, null);
    }

    private static UpstreamException failure(
            String type, int status, String message, String deployment, Duration retryAfter) {
        FailureClass failureClass = type == null ? null : classOf(type);
        if (failureClass == null) {
            failureClass = FailureClass.ofStatus(status);
        }
        return new UpstreamException(
                failureClass, deployment, status, TransportFailures.cap(message), null, retryAfter);
    }

    private static FailureClass classOf(String type) {
        return switch (type) {
            case "invalid_request_error", "request_too_large" -> FailureClass.CALLER_FAULT;
            case "authentication_error", "permission_error", "billing_error" -> FailureClass.CREDENTIAL;
            case "not_found_error" -> FailureClass.MODEL_GONE;
            case "rate_limit_error" -> FailureClass.RATE_LIMITED;
            case "timeout_error" -> FailureClass.TIMEOUT;
            case "api_error", "overloaded_error" -> FailureClass.TRANSIENT;
            default -> null;
        };
    }

    /** The status Anthropic answers each error type with, for errors that arrive inside a stream. */
    private static int statusOf(String type) {
        if (type == null) {
            return 500;
        }
        return switch (type) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "billing_error" -> 402;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error" -> 429;
            case "timeout_error" -> 504;
            case "overloaded_error" -> 529;
            default -> 500;
        };
    }

    private static JsonNode errorObject(byte[] body) {
        try {
            JsonNode root = Wire.JSON.readTree(body);
            JsonNode error = root == null ? null : root.get("error");
            return error != null && error.isObject() ? error : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String message(JsonNode error, String otherwise) {
        String message = error == null ? null : error.path("message").asText(null);
        return message == null || message.isBlank() ? otherwise : message;
    }
}
