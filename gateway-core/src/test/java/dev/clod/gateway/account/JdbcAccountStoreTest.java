package dev.clod.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.api.ResourceNotFoundException;
import dev.clod.gateway.store.Database;
import dev.clod.gateway.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcAccountStoreTest {

    private static final Instant START = Instant.parse("2024-08-10T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private Database database;
    private Database second;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
        if (second != null) {
            second.close();
        }
    }

    private JdbcAccountStore store(String kind) {
        database = Database.open(BothDatabases.url(kind), 2);
        return new JdbcAccountStore(database, clock);
    }

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void createsListsAndFindsProjects(String kind) {
        JdbcAccountStore store = store(kind);
        Project first = store.createProject(new NewProject("team a", List.of("llama-3.1-8b"), new BigDecimal("25.50")));
        clock.advance(Duration.ofSeconds(1));
        Project open = store.createProject(new NewProject("team b", null, null));

        assertThat(first.id()).matches("proj_[0-9A-Za-z]{20}");
        assertThat(first.created()).isEqualTo(START);
        assertThat(first.budgetUsdPerMonth()).isEqualTo(new BigDecimal("25.5"));
        assertThat(open.allowedModels()).isEmpty();
        assertThat(open.budgetUsdPerMonth()).isNull();
        assertThat(store.projects()).containsExactly(first, open);
        assertThat(store.project(first.id())).contains(first);
        assertThat(store.project(" team b ")).contains(open);
        assertThat(store.project("team c")).isEmpty();
        assertThat(store.project("")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void refusesADuplicateProjectName(String kind) {
        JdbcAccountStore store = store(kind);
        store.createProject(new NewProject("team a", null, null));

        assertThatThrownBy(() -> store.createProject(new NewProject(" team a", null, null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.param()).isEqualTo("name");
                    assertThat(error.getMessage()).contains("team a");
                });
        assertThat(store.projects()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void issuesKeysInProjectsByIdOrName(String kind) {
        JdbcAccountStore store = store(kind);
        Project project = store.createProject(new NewProject("team a", null, null));

        IssuedKey byName = store.createKey(new NewKey("ci", "team a", 60, 10_000));
        IssuedKey byId = store.createKey(new NewKey("batch", project.id(), null, null));
        IssuedKey loose = store.createKey(new NewKey("admin tools", null, null, null));

        assertThat(byName.secret()).matches("sk-clod-[0-9A-Za-z]{40}");
        assertThat(byName.key().prefix()).isEqualTo(byName.secret().substring(0, 12));
        assertThat(byName.key().id()).matches("key_[0-9A-Za-z]{20}");
        assertThat(byName.key().projectId()).isEqualTo(project.id());
        assertThat(byName.key().rpm()).isEqualTo(60);
        assertThat(byName.key().tpm()).isEqualTo(10_000);
        assertThat(byName.key().active()).isTrue();
        assertThat(byId.key().projectId()).isEqualTo(project.id());
        assertThat(loose.key().projectId()).isNull();
        assertThat(List.of(byName.secret(), byId.secret(), loose.secret())).doesNotHaveDuplicates();
        assertThat(store.keys()).containsExactlyInAnyOrder(byName.key(), byId.key(), loose.key());
    }

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void refusesAKeyInAnUnknownProject(String kind) {
        JdbcAccountStore store = store(kind);

        assertThatThrownBy(() -> store.createKey(new NewKey("ci", "nobody", null, null)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, error -> {
                    assertThat(error.status()).isEqualTo(404);
                    assertThat(error.type()).isEqualTo("invalid_request_error");
                    assertThat(error.code()).isEqualTo("not_found");
                    assertThat(error.param()).isEqualTo("project");
                    assertThat(error.getMessage()).contains("nobody");
                });
        assertThat(store.keys()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void authenticatesOnlyTheRightActiveSecret(String kind) {
        JdbcAccountStore store = store(kind);
        Project project = store.createProject(new NewProject("team a", List.of("llama-3.1-8b"), BigDecimal.TEN));
        IssuedKey inProject = store.createKey(new NewKey("ci", "team a", 5, null));
        IssuedKey loose = store.createKey(new NewKey("tools", null, null, null));

        assertThat(store.authenticate(inProject.secret())).contains(new KeyOwner(inProject.key(), project));
        assertThat(store.authenticate(loose.secret())).contains(new KeyOwner(loose.key(), null));

        String wrong = inProject.secret().substring(0, 47) + (inProject.secret().endsWith("A") ? "B" : "A");
        for (String secret : new String[] {wrong, "", "sk-clod-", "Bearer " + inProject.secret(), null}) {
            assertThat(store.authenticate(secret)).as("secret %s", secret).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void revokingTakesEffectAtOnceOnThisStore(String kind) {
        JdbcAccountStore store = store(kind);
        IssuedKey issued = store.createKey(new NewKey("ci", null, null, null));
        IssuedKey other = store.createKey(new NewKey("other", null, null, null));
        assertThat(store.authenticate(issued.secret())).isPresent();
        assertThat(store.authenticate(other.secret())).isPresent();

        clock.advance(Duration.ofMillis(10));
        assertThat(store.revokeKey(issued.key().id())).isTrue();

        // The clock has not moved past the cache's time to live: only eviction explains this.
        assertThat(store.authenticate(issued.secret())).isEmpty();
        assertThat(store.authenticate(other.secret())).isPresent();
        Instant revokedAt = START.plusMillis(10);
        assertThat(store.keys())
                .filteredOn(key -> key.id().equals(issued.key().id()))
                .singleElement()
                .satisfies(key -> {
                    assertThat(key.active()).isFalse();
                    assertThat(key.revoked()).isEqualTo(revokedAt);
                });

        clock.advance(Duration.ofMinutes(1));
        assertThat(store.revokeKey(issued.key().id())).isTrue();
        assertThat(store.keys())
                .filteredOn(key -> key.id().equals(issued.key().id()))
                .extracting(ApiKey::revoked)
                .containsExactly(revokedAt);
        assertThat(store.revokeKey("key_unknown")).isFalse();
        assertThat(store.revokeKey(null)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void anotherInstanceSeesARevocationWithinTheCacheTtl(String kind) {
        String url = BothDatabases.url(kind);
        database = Database.open(url, 2);
        second = Database.open(url, 2);
        JdbcAccountStore admin = new JdbcAccountStore(database, clock);
        JdbcAccountStore serving = new JdbcAccountStore(second, clock);
        IssuedKey issued = admin.createKey(new NewKey("ci", null, null, null));
        assertThat(serving.authenticate(issued.secret())).isPresent();

        admin.revokeKey(issued.key().id());

        assertThat(admin.authenticate(issued.secret())).isEmpty();
        assertThat(serving.authenticate(issued.secret()))
                .as("cached on the other instance until its time to live ends")
                .isPresent();
        clock.advance(JdbcAccountStore.CACHE_TTL.minusMillis(1));
        assertThat(serving.authenticate(issued.secret())).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(serving.authenticate(issued.secret())).isEmpty();
    }
}
