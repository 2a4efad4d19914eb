package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.account.JdbcAccountStore;
import dev.clod.gateway.config.ConfigLoader;
import dev.clod.gateway.store.Database;
import dev.clod.gateway.store.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminCommandsTest {

    private Database database;
    private JdbcAccountStore accounts;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private AdminCommands commands;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.h2Url());
        accounts = new JdbcAccountStore(database, Clock.systemUTC());
        commands = new AdminCommands(
                accounts,
                ConfigLoader.embeddedDefault(Map.of()).catalog(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void createsAProjectAndAKeyWhoseSecretWorksOnceRevokedNever() {
        assertThat(commands.run(
                        "projects",
                        List.of("create", "analytics", "--allowed-models", "Llama 3.1 8B", "--budget", "50")))
                .isZero();
        assertThat(commands.run("keys", List.of("create", "etl", "--project", "analytics", "--rpm", "600")))
                .isZero();

        Matcher secret =
                Pattern.compile("secret \\(shown once\\): (sk-clod-\\S+)").matcher(output());
        assertThat(secret.find()).isTrue();
        var owner = accounts.authenticate(secret.group(1)).orElseThrow();
        assertThat(owner.project().name()).isEqualTo("analytics");
        assertThat(owner.project().allowedModels()).containsExactly("llama-3.1-8b");
        assertThat(owner.key().rpm()).isEqualTo(600);

        assertThat(commands.run("keys", List.of("revoke", owner.key().id()))).isZero();
        assertThat(accounts.authenticate(secret.group(1))).isEmpty();
        assertThat(commands.run("keys", List.of("list"))).isZero();
        assertThat(output()).contains(owner.key().id()).contains("revoked").doesNotContain(secret.group(1) + " ");
    }

    @Test
    void mistakesAreReportedWithExitCode2() {
        assertThat(commands.run("projects", List.of("create", "x", "--allowed-models", "no-such-model")))
                .isEqualTo(2);
        assertThat(commands.run("keys", List.of("create", "k", "--project", "nowhere")))
                .isEqualTo(2);
        assertThat(commands.run("keys", List.of("create", "k", "--rpm", "many")))
                .isEqualTo(2);
        assertThat(commands.run("keys", List.of("revoke", "key_missing"))).isEqualTo(2);
        assertThat(commands.run("keys", List.of("frobnicate"))).isEqualTo(2);

        assertThat(output())
                .contains("unknown model 'no-such-model'")
                .contains("nowhere")
                .contains("--rpm expects a whole number")
                .contains("no key with id 'key_missing'")
                .contains("unknown command 'keys frobnicate'");
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
