package dev.clod.gateway.provider.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The headers an adapter sends on every call, as {@link java.net.http.HttpRequest.Builder#headers}
 * takes them: its own, then the API key in the vendor's header (left out when there is no key, as for a
 * local server), then the configuration's extra headers.
 */
public final class RequestHeaders {

    private RequestHeaders() {}

    /**
     * @param own name, value pairs the adapter always sends
     * @param keyHeader the header the vendor reads the key from
     * @param keyValue the header's value, such as {@code Bearer sk-…}; null or blank to send none
     */
    public static String[] of(List<String> own, String keyHeader, String keyValue, Map<String, String> extra) {
        List<String> all = new ArrayList<>(own);
        if (keyValue != null && !keyValue.isBlank()) {
            all.add(keyHeader);
            all.add(keyValue);
        }
        if (extra != null) {
            extra.forEach((name, value) -> {
                all.add(name);
                all.add(value);
            });
        }
        return all.toArray(String[]::new);
    }
}
