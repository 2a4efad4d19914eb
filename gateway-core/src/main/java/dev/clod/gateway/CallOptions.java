package dev.clod.gateway;

import dev.clod.gateway.routing.Strategy;
import java.util.Set;

/**
 * What the caller's context adds to a request: the strategy from an {@code x-clod-strategy} header or
 * the key's default, and the request id to use in responses and logs.
 *
 * <p>Strategy precedence: tags in the model string, then {@code strategyHeader}, then {@code
 * keyDefault}, then the gateway's configured default.
 *
 * @param strategyHeader a strategy the client sent apart from the model string, or null
 * @param keyDefault the calling key's default strategy, or null
 * @param requestId the id this request is known by, e.g. in {@code x-request-id}
 * @param keyId the calling key's id, recorded with the request's usage; null for none
 * @param projectId the calling key's project, recorded with the request's usage; null for none
 * @param allowedModels the model ids the caller may use; null allows every model
 */
public record CallOptions(
        Strategy strategyHeader,
        Strategy keyDefault,
        String requestId,
        String keyId,
        String projectId,
        Set<String> allowedModels) {

    public CallOptions {
        allowedModels = allowedModels == null ? null : Set.copyOf(allowedModels);
    }

    public static CallOptions of(String requestId) {
        return new CallOptions(null, null, requestId, null, null, null);
    }

    /** Options for a caller with neither key nor project, such as an embedding application. */
    public static CallOptions of(Strategy strategyHeader, Strategy keyDefault, String requestId) {
        return new CallOptions(strategyHeader, keyDefault, requestId, null, null, null);
    }

    /** Whether the caller may use the model. */
    public boolean allows(String modelId) {
        return allowedModels == null || allowedModels.contains(modelId);
    }
}
