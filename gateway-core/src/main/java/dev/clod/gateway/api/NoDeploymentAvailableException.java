package dev.clod.gateway.api;

/**
 * The model exists but none of its deployments can take this request now: no provider key is set, or
 * none has the capability or context length the request needs (503 or 400, as the reason says).
 */
public final class NoDeploymentAvailableException extends ClodException {

    private NoDeploymentAvailableException(int status, String type, String code, String param, String message) {
        super(status, type, code, param, message, null);
    }

    /** Every deployment is switched off, e.g. its provider has no API key configured. */
    public static NoDeploymentAvailableException unavailable(String message) {
        return new NoDeploymentAvailableException(503, "service_unavailable", "model_unavailable", "model", message);
    }

    /** The request needs something (tools, context length) no deployment of the model offers. */
    public static NoDeploymentAvailableException incapable(String message, String param) {
        return new NoDeploymentAvailableException(400, "invalid_request_error", "model_not_capable", param, message);
    }
}
