package dev.clod.examples.lowprice;

import java.util.ArrayList;
import java.util.List;

/** The records answered so far, and the report once all of them are. */
public final class BatchRun {

    private final int expected;
    private final List<BatchRecord> records = new ArrayList<>();
    private BatchReport report;

    BatchRun(int expected) {
        this.expected = expected;
    }

    /** Adds an answered record; true when it was the batch's last. */
    synchronized boolean add(BatchRecord record) {
        records.add(record);
        return records.size() == expected;
    }

    synchronized List<BatchRecord> records() {
        return List.copyOf(records);
    }

    synchronized void finish(BatchReport finished) {
        report = finished;
    }

    /** The report, or null when the batch did not finish. */
    public synchronized BatchReport report() {
        return report;
    }
}
