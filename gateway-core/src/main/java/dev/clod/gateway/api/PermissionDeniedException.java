package dev.clod.gateway.api;

/** The key is valid but may not use what it asked for, such as a model outside its project (403). */
public final class PermissionDeniedException extends ClodException {

    public PermissionDeniedException(String message, String param, String code) {
        super(403, "permission_denied", code, param, message, null);
    }
}
