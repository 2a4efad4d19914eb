package dev.clod.gateway.usage;

import java.util.List;

/**
 * One page of the request log, newest first.
 *
 * @param nextCursor pass it back for the next, older page; null when this page is the last
 */
public record RequestPage(List<UsageRecord> records, String nextCursor) {

    public RequestPage {
        records = List.copyOf(records);
    }
}
