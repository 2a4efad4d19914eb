package dev.clod.gateway.usage;

import java.util.List;

/** Reads the usage ledger: summaries for dashboards and bills, and the request log. */
public interface UsageReader {

    /** The largest page {@link #requests} returns. */
    int MAX_PAGE = 500;

    /**
     * Usage in the query's time range summed per group, sorted by key. Totals include requests already
     * rolled up into daily rows; those count when their UTC day overlaps {@code [from, to)}, so a range
     * that starts or ends inside a day is exact only for requests not yet rolled up.
     */
    List<UsageSummaryRow> summarize(UsageQuery query);

    /**
     * A page of individual requests, newest first. Rolled-up requests are no longer listed.
     *
     * @param projectId only this project's requests, or null for every project
     * @param cursor a previous page's {@link RequestPage#nextCursor()}, or null for the newest page
     * @param limit 1 to {@link #MAX_PAGE} records
     * @throws IllegalArgumentException for a limit out of range or a cursor this reader did not make
     */
    RequestPage requests(String projectId, String cursor, int limit);
}
