package dev.clod.gateway.provider;

import dev.clod.gateway.api.ChatRequest;
import java.util.Objects;

/**
 * One call to one deployment: the caller's request with the model replaced by the upstream model
 * name, and the deployment's id for error messages and statistics.
 */
public record UpstreamCall(ChatRequest request, String deploymentId) {

    public UpstreamCall {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(deploymentId, "deploymentId");
    }
}
