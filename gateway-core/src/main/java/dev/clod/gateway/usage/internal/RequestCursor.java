package dev.clod.gateway.usage.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of the request log ended: the last record's time and request id. Encoded as opaque
 * URL-safe text; it names no project, so a cursor only positions a query and never widens it.
 */
public record RequestCursor(Instant time, String requestId) {

    private static final char SEPARATOR = '\n';

    public String encode() {
        String plain = time.getEpochSecond() + "." + time.getNano() + SEPARATOR + requestId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException when {@code cursor} is not one {@link #encode()} made
     */
    public static RequestCursor parse(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = plain.indexOf(SEPARATOR);
            int dot = plain.indexOf('.');
            if (separator < 0 || dot < 0 || dot > separator || separator == plain.length() - 1) {
                throw new IllegalArgumentException("malformed");
            }
            Instant time = Instant.ofEpochSecond(
                    Long.parseLong(plain.substring(0, dot)), Integer.parseInt(plain.substring(dot + 1, separator)));
            return new RequestCursor(time, plain.substring(separator + 1));
        } catch (IllegalArgumentException | java.time.DateTimeException invalid) {
            throw new IllegalArgumentException("invalid request log cursor '" + cursor + "'", invalid);
        }
    }
}
