package dev.clod.gateway.account;

import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.api.ResourceNotFoundException;
import dev.clod.gateway.store.Database;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Accounts in the gateway's database (H2 or PostgreSQL). Thread-safe. Secrets are stored only as
 * hex SHA-256 hashes; authentication answers from a cache for up to {@link #CACHE_TTL}.
 */
public final class JdbcAccountStore implements AccountStore {

    /** How long an authenticated key is trusted without asking the database again. */
    public static final Duration CACHE_TTL = Duration.ofSeconds(1);

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String PROJECT_COLUMNS =
            "p.id, p.name, p.allowed_models, p.budget_usd_per_month, p.created_at";
    private static final String KEY_COLUMNS =
            "k.id, k.name, k.project_id, k.prefix, k.rpm, k.tpm, k.created_at, k.revoked_at";

    private final Database database;
    private final Clock clock;
    private final KeyMaterial material = new KeyMaterial(new SecureRandom());
    private final OwnerCache cache;

    public JdbcAccountStore(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = new OwnerCache(clock, CACHE_TTL);
    }

    @Override
    public Project createProject(NewProject request) {
        Project project = new Project(
                material.projectId(), request.name(), request.allowedModels(), request.budgetUsdPerMonth(), now());
        String sql = "INSERT INTO projects (id, name, allowed_models, budget_usd_per_month, created_at)"
                + " VALUES (?, ?, ?, ?, ?)";
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, project.id());
            insert.setString(2, project.name());
            insert.setString(3, project.allowedModels().isEmpty() ? null : String.join(",", project.allowedModels()));
            insert.setBigDecimal(4, project.budgetUsdPerMonth());
            insert.setObject(5, timestamp(project.created()));
            insert.executeUpdate();
            return project;
        } catch (SQLException failed) {
            // The unique constraint, not a lookup first, so that two instances cannot both succeed.
            if (UNIQUE_VIOLATION.equals(failed.getSQLState())) {
                throw new InvalidRequestException(
                        "a project named '" + project.name() + "' already exists", "name", "duplicate");
            }
            throw new IllegalStateException("could not create project '" + project.name() + "'", failed);
        }
    }

    @Override
    public List<Project> projects() {
        return query(
                "SELECT " + PROJECT_COLUMNS + " FROM projects p ORDER BY p.created_at, p.id",
                statement -> {},
                JdbcAccountStore::project);
    }

    @Override
    public Optional<Project> project(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return Optional.empty();
        }
        String wanted = idOrName.strip();
        // An id wins over a name that happens to look like one.
        List<Project> found = query(
                "SELECT " + PROJECT_COLUMNS + " FROM projects p WHERE p.id = ? OR p.name = ?"
                        + " ORDER BY CASE WHEN p.id = ? THEN 0 ELSE 1 END",
                statement -> {
                    statement.setString(1, wanted);
                    statement.setString(2, wanted);
                    statement.setString(3, wanted);
                },
                JdbcAccountStore::project);
        return found.stream().findFirst();
    }

    @Override
    public IssuedKey createKey(NewKey request) {
        String projectId = null;
        if (request.project() != null) {
            projectId = project(request.project())
                    .orElseThrow(() -> new ResourceNotFoundException(
                            "no project has the id or name '" + request.project() + "'", "project"))
                    .id();
        }
        String secret = material.secret();
        ApiKey key = new ApiKey(
                material.keyId(),
                request.name(),
                projectId,
                KeyMaterial.displayPrefix(secret),
                request.rpm(),
                request.tpm(),
                now(),
                null);
        String sql = "INSERT INTO api_keys (id, name, project_id, prefix, secret_hash, rpm, tpm, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, key.id());
            insert.setString(2, key.name());
            insert.setString(3, key.projectId());
            insert.setString(4, key.prefix());
            insert.setString(5, KeyMaterial.hash(secret));
            setInteger(insert, 6, key.rpm());
            setInteger(insert, 7, key.tpm());
            insert.setObject(8, timestamp(key.created()));
            insert.executeUpdate();
            return new IssuedKey(key, secret);
        } catch (SQLException failed) {
            throw new IllegalStateException("could not create key '" + key.name() + "'", failed);
        }
    }

    @Override
    public List<ApiKey> keys() {
        return query(
                "SELECT " + KEY_COLUMNS + " FROM api_keys k ORDER BY k.created_at, k.id",
                statement -> {},
                JdbcAccountStore::key);
    }

    @Override
    public boolean revokeKey(String keyId) {
        if (keyId == null) {
            return false;
        }
        try (Connection connection = database.dataSource().getConnection()) {
            boolean exists;
            try (PreparedStatement revoke = connection.prepareStatement(
                    "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                revoke.setObject(1, timestamp(now()));
                revoke.setString(2, keyId);
                exists = revoke.executeUpdate() > 0;
            }
            if (!exists) {
                try (PreparedStatement find = connection.prepareStatement("SELECT 1 FROM api_keys WHERE id = ?")) {
                    find.setString(1, keyId);
                    try (ResultSet rows = find.executeQuery()) {
                        exists = rows.next();
                    }
                }
            }
            cache.evictKey(keyId);
            return exists;
        } catch (SQLException failed) {
            throw new IllegalStateException("could not revoke key " + keyId, failed);
        }
    }

    @Override
    public Optional<KeyOwner> authenticate(String secret) {
        if (secret == null || !secret.startsWith(KeyMaterial.SECRET_PREFIX)) {
            return Optional.empty();
        }
        return cache.get(KeyMaterial.hash(secret), this::loadOwner);
    }

    private Optional<KeyOwner> loadOwner(String hash) {
        List<KeyOwner> owners = query(
                "SELECT " + KEY_COLUMNS + ", " + PROJECT_COLUMNS
                        + " FROM api_keys k LEFT JOIN projects p ON p.id = k.project_id"
                        + " WHERE k.secret_hash = ? AND k.revoked_at IS NULL",
                statement -> statement.setString(1, hash),
                rows -> new KeyOwner(key(rows), rows.getString(9) == null ? null : project(rows, 9)));
        return owners.stream().findFirst();
    }

    private Instant now() {
        // Both databases keep microseconds; what we return must equal what we read back.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<T> results = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    results.add(mapper.map(rows));
                }
            }
            return results;
        } catch (SQLException failed) {
            throw new IllegalStateException("account query failed: " + failed.getMessage(), failed);
        }
    }

    private static Project project(ResultSet rows) throws SQLException {
        return project(rows, 1);
    }

    private static Project project(ResultSet rows, int first) throws SQLException {
        String models = rows.getString(first + 2);
        return new Project(
                rows.getString(first),
                rows.getString(first + 1),
                models == null ? List.of() : Arrays.asList(models.split(",")),
                rows.getBigDecimal(first + 3),
                instant(rows, first + 4));
    }

    private static ApiKey key(ResultSet rows) throws SQLException {
        return new ApiKey(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                integer(rows, 5),
                integer(rows, 6),
                instant(rows, 7),
                instant(rows, 8));
    }

    private static Integer integer(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
