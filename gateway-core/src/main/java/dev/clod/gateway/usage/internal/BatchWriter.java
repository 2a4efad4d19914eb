package dev.clod.gateway.usage.internal;

import dev.clod.gateway.store.Database;
import dev.clod.gateway.usage.UsageRecord;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Writes a batch of usage records and the spend they add in one transaction.
 *
 * <p>Records are inserted only when their request id is new, and spend is added only for the rows
 * actually inserted. So writing a batch again after a commit whose outcome was unknown (the
 * connection broke while committing) adds nothing a second time: either the first commit happened
 * and every row is a duplicate now, or it did not and the rows and their spend go in now. Within a
 * batch, the second record with an id already seen is a duplicate too. The first record written for
 * a request id wins; later ones with the same id are ignored, whatever they contain.
 */
public final class BatchWriter {

    private final DataSource dataSource;
    private final LedgerSql sql;

    public BatchWriter(Database database) {
        this.dataSource = database.dataSource();
        this.sql = new LedgerSql(database.kind());
    }

    /**
     * Writes {@code records} and commits, or rolls back and throws.
     *
     * @return how many records were new
     */
    public int write(List<UsageRecord> records) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int inserted = writeIn(connection, records);
                connection.commit();
                return inserted;
            } catch (SQLException | RuntimeException failed) {
                rollbackQuietly(connection, failed);
                throw failed;
            }
        }
    }

    private int writeIn(Connection connection, List<UsageRecord> records) throws SQLException {
        int[] counts;
        try (PreparedStatement insert = connection.prepareStatement(sql.insertRecordIfAbsent())) {
            int offset = sql.recordOffset();
            for (UsageRecord record : records) {
                if (offset > 0) {
                    insert.setString(1, record.requestId());
                }
                RecordColumns.bind(insert, offset, record);
                insert.addBatch();
            }
            counts = insert.executeBatch();
        }
        // Sorted, so that two gateway instances update the same spend rows in the same order and
        // cannot deadlock on them.
        Map<String, Map<String, BigDecimal>> spend = new TreeMap<>();
        int inserted = 0;
        for (int i = 0; i < records.size(); i++) {
            int count = counts[i];
            if (count == Statement.SUCCESS_NO_INFO) {
                // e.g. PostgreSQL's reWriteBatchedInserts: without per-row counts duplicates could be
                // charged twice, so refuse rather than guess.
                throw new SQLException("the JDBC driver did not report which usage records were inserted; "
                        + "do not enable reWriteBatchedInserts on the ledger's database URL");
            }
            if (count == 0) {
                continue;
            }
            inserted++;
            UsageRecord record = records.get(i);
            if (record.projectId() != null) {
                String month =
                        YearMonth.from(record.time().atOffset(ZoneOffset.UTC)).toString();
                spend.computeIfAbsent(record.projectId(), project -> new TreeMap<>())
                        .merge(month, record.cost().userPrice(), BigDecimal::add);
            }
        }
        if (!spend.isEmpty()) {
            try (PreparedStatement add = connection.prepareStatement(sql.addSpend())) {
                for (Map.Entry<String, Map<String, BigDecimal>> project : spend.entrySet()) {
                    for (Map.Entry<String, BigDecimal> month :
                            project.getValue().entrySet()) {
                        add.setString(1, project.getKey());
                        add.setString(2, month.getKey());
                        add.setBigDecimal(3, month.getValue());
                        add.addBatch();
                    }
                }
                add.executeBatch();
            }
        }
        return inserted;
    }

    static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException alsoFailed) {
            cause.addSuppressed(alsoFailed);
        }
    }
}
