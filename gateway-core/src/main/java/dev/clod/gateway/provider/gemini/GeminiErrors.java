package dev.clod.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.provider.http.RetryAfter;
import dev.clod.gateway.provider.http.TransportFailures;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;

/**
 * Google's errors, {@code {"error":{"code","message","status","details"}}}, classed by their
 * canonical {@code status}, falling back to the HTTP status:
 *
 * <ul>
 *   <li>{@code INVALID_ARGUMENT} (400) is the caller's fault, except a key Google does not accept
 *       (detail reason {@code API_KEY_INVALID}), which is a credential failure;
 *   <li>{@code FAILED_PRECONDITION} (400: the API is not offered in the server's region, or billing
 *       is not set up), {@code UNAUTHENTICATED} (401) and {@code PERMISSION_DENIED} (403) are
 *       credential failures: only the operator can fix them, and another deployment may work;
 *   <li>{@code NOT_FOUND} (404) is a model gone;
 *   <li>{@code RESOURCE_EXHAUSTED} (429) is rate-limited, waiting as the {@code RetryInfo} detail's
 *       {@code retryDelay} or the {@code retry-after} header says;
 *   <li>{@code DEADLINE_EXCEEDED} (504) is a timeout; {@code INTERNAL} (500), {@code UNAVAILABLE}
 *       (503) and anything else 5xx are transient.
 * </ul>
 */
final class GeminiErrors {

    private GeminiErrors() {}

    /** A non-2xx answer. */
    static UpstreamException ofStatus(int status, HttpHeaders headers, byte[] body, String deployment) {
        JsonNode error = null;
        try {
            JsonNode root = Wire.JSON.readTree(body);
            error = root == null ? null : root.get("error");
        } catch (IOException notJson) {
            // classed by the status alone
        }
        Duration retryAfter = RetryAfter.of(headers);
        if (error == null || !error.isObject()) {
            return new UpstreamException(
                    FailureClass.ofStatus(status),
                    deployment,
                    status,
                    "upstream answered HTTP " + status,
                    null,
                    retryAfter);
        }
        return ofError(error, status, deployment, retryAfter);
    }

    /**
     * An {@code error} object, in an error answer or inside a stream.
     *
     * @param httpStatus the HTTP status it came with; the error's own {@code code} wins when present
     */
    static UpstreamException ofError(JsonNode error, int httpStatus, String deployment, Duration retryAfter) {
        int status = error.path("code").asInt(httpStatus);
        String canonical = error.path("status").asText("");
        FailureClass failureClass = classOf(canonical, error.path("details"));
        if (failureClass == null) {
            failureClass = FailureClass.ofStatus(status);
        }
        Duration delay = retryDelay(error.path("details"));
        String message = error.path("message").asText("");
        return new UpstreamException(
                failureClass,
                deployment,
                status,
                TransportFailures.cap(message.isBlank() ? "upstream answered HTTP " + status : message),
                null,
                delay != null ? delay : retryAfter);
    }

    private static FailureClass classOf(String canonical, JsonNode details) {
        return switch (canonical) {
            case "INVALID_ARGUMENT" ->
                hasReason(details, "API_KEY_INVALID") ? FailureClass.CREDENTIAL : FailureClass.CALLER_FAULT;
            case "FAILED_PRECONDITION", "UNAUTHENTICATED", "PERMISSION_DENIED" -> FailureClass.CREDENTIAL;
            case "NOT_FOUND" -> FailureClass.MODEL_GONE;
            case "RESOURCE_EXHAUSTED" -> FailureClass.RATE_LIMITED;
            case "DEADLINE_EXCEEDED" -> FailureClass.TIMEOUT;
            case "INTERNAL", "UNAVAILABLE", "UNKNOWN", "ABORTED" -> FailureClass.TRANSIENT;
            default -> null;
        };
    }

    private static boolean hasReason(JsonNode details, String reason) {
        for (JsonNode detail : details) {
            if (reason.equals(detail.path("reason").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The {@code RetryInfo} detail's delay, a protobuf duration such as {@code "26s"} or {@code "0.5s"}. */
    private static Duration retryDelay(JsonNode details) {
        for (JsonNode detail : details) {
            String delay = detail.path("retryDelay").asText("");
            if (delay.endsWith("s")) {
                Duration parsed = RetryAfter.seconds(delay.substring(0, delay.length() - 1));
                if (parsed != null) {
                    return parsed;
                }
            }
        }
        return null;
    }
}
