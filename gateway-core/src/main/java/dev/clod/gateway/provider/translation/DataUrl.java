package dev.clod.gateway.provider.translation;

import java.util.Locale;
import java.util.Objects;

/**
 * An image (or any file) carried inside a {@code data:} URL, as OpenAI clients send local images:
 * {@code data:image/png;base64,iVBORw0…}.
 *
 * @param mediaType the MIME type, lower case, e.g. {@code image/png}
 * @param base64 the bytes, base64-encoded, as they were in the URL
 */
public record DataUrl(String mediaType, String base64) {

    public DataUrl {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(base64, "base64");
    }

    /** Whether the URL is a {@code data:} URL at all (whatever its form). */
    public static boolean isDataUrl(String url) {
        return url.regionMatches(true, 0, "data:", 0, 5);
    }

    /**
     * Reads a base64 {@code data:} URL.
     *
     * @param param the request parameter that holds it, for the error message
     * @throws UntranslatableRequestException when it has no media type or is not base64
     */
    public static DataUrl parse(String url, String param) {
        int comma = url.indexOf(',');
        if (!isDataUrl(url) || comma < 0) {
            throw new UntranslatableRequestException(param, "not a data URL of the form data:<type>;base64,<data>");
        }
        String header = url.substring(5, comma);
        String[] attributes = header.split(";");
        boolean base64 = false;
        for (int i = 1; i < attributes.length; i++) {
            base64 |= attributes[i].strip().equalsIgnoreCase("base64");
        }
        String mediaType = attributes[0].strip().toLowerCase(Locale.ROOT);
        if (!base64 || mediaType.isEmpty() || !mediaType.contains("/")) {
            throw new UntranslatableRequestException(
                    param, "a data URL must name its media type and be base64-encoded (data:<type>;base64,<data>)");
        }
        return new DataUrl(mediaType, url.substring(comma + 1));
    }
}
