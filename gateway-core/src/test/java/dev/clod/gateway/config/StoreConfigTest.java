package dev.clod.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreConfigTest {

    private static final String CATALOG = """
            providers: [{id: sim, kind: simulated}]
            models: [{id: m, category: free, context_window: 1000, max_output_tokens: 10, deployments: [{provider: sim}]}]
            """;

    @Test
    void withoutADatabaseTheStoreIsAnH2FileUnderTheDataDirectory() {
        StoreSettings store = ConfigLoader.parse(CATALOG, "t.yaml", Map.of()).store();

        assertThat(store.databaseUrl()).isEqualTo("jdbc:h2:file:./data/clod;AUTO_SERVER=TRUE");
        assertThat(store.syncUsage()).isTrue();
        assertThat(store.usageMaxDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(store.usageRetention()).isNull();
        assertThat(ConfigLoader.parse(CATALOG, "t.yaml", Map.of("CLOD_DATA_DIR", "/var/lib/clod/"))
                        .store()
                        .databaseUrl())
                .isEqualTo("jdbc:h2:file:/var/lib/clod/clod;AUTO_SERVER=TRUE");
    }

    @Test
    void theDatabaseAndUsageAreConfigurable() {
        String yaml = CATALOG + """
                database: {url: "jdbc:postgresql://db:5432/clod?user=clod"}
                usage: {durability: async, max_delay_ms: 200, retention_days: 30}
                """;

        StoreSettings store = ConfigLoader.parse(yaml, "t.yaml", Map.of()).store();

        assertThat(store.databaseUrl()).isEqualTo("jdbc:postgresql://db:5432/clod?user=clod");
        assertThat(store.syncUsage()).isFalse();
        assertThat(store.usageMaxDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(store.usageRetention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void theDatabaseUrlVariableWinsOverTheFile() {
        String yaml = CATALOG + "database: {url: \"jdbc:h2:file:/tmp/x\"}\n";

        assertThat(ConfigLoader.parse(yaml, "t.yaml", Map.of("CLOD_DB_URL", "jdbc:postgresql://other/clod"))
                        .store()
                        .databaseUrl())
                .isEqualTo("jdbc:postgresql://other/clod");
    }

    @Test
    void badStoreSettingsAreNamed() {
        assertThatThrownBy(() -> ConfigLoader.parse(
                        CATALOG + "database: {url: \"jdbc:mysql://x/y\"}\nusage: {durability: eventually, retain: 3}\n",
                        "t.yaml",
                        Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.url")
                .hasMessageContaining("usage.durability")
                .hasMessageContaining("usage.retain");
        assertThatThrownBy(() -> ConfigLoader.parse(CATALOG, "t.yaml", Map.of("CLOD_DB_URL", "mysql://nope")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("CLOD_DB_URL");
    }
}
