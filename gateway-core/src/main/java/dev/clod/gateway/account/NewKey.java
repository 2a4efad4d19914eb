package dev.clod.gateway.account;

import dev.clod.gateway.api.InvalidRequestException;

/**
 * What an administrator asks for when creating a key, validated on construction: the name is trimmed
 * and 1 to 200 characters; {@code rpm} and {@code tpm}, when given, are positive.
 *
 * @param project the project's id or name, or null (or blank) for a key outside any project
 * @param rpm requests per minute, or null for no limit
 * @param tpm tokens per minute, or null for no limit
 * @throws InvalidRequestException naming {@code name}, {@code rpm} or {@code tpm}
 */
public record NewKey(String name, String project, Integer rpm, Integer tpm) {

    public NewKey {
        name = Names.valid(name, "key");
        project = project == null || project.isBlank() ? null : project.strip();
        positive(rpm, "rpm");
        positive(tpm, "tpm");
    }

    private static void positive(Integer limit, String param) {
        if (limit != null && limit <= 0) {
            throw new InvalidRequestException(param + " must be a positive number, got " + limit, param);
        }
    }
}
