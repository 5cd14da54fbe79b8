package app.escalate.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTest {
    @Test
    void h2_writes_each_commit_before_it_returns_and_leaves_closing_to_the_bot() {
        assertThat(Database.durable("jdbc:h2:file:./data/escalate")).isEqualTo("jdbc:h2:file:./data/escalate;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(Database.durable("jdbc:h2:./data/escalate;MODE=PostgreSQL")).endsWith(";MODE=PostgreSQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(Database.durable("jdbc:h2:file:./x;write_delay=100")).isEqualTo("jdbc:h2:file:./x;write_delay=100;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(Database.durable("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(Database.durable("jdbc:postgresql://db/escalate")).isEqualTo("jdbc:postgresql://db/escalate");
    }

    @Test
    void the_write_delay_setting_is_one_h2_accepts(@TempDir Path dir) {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("escalate"))) {
            java.util.Optional<String> writeDelay = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'").mapTo(String.class).list().stream().distinct().reduce((a, b) -> a + "," + b));
            assertThat(writeDelay).contains("0");
        }
    }

    @Test
    void a_failed_statement_does_not_carry_its_values_into_the_error_that_may_be_logged(@TempDir Path dir) {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("escalate"))) {
            Throwable failed = org.assertj.core.api.Assertions.catchThrowable(() -> db.jdbi().useHandle(h ->
                    h.createUpdate("INSERT INTO case_events (case_number, occurred_at, actor, kind, data) VALUES (:n, :at, :actor, :kind, :data)")
                            .bind("n", 999).bind("at", java.time.Instant.parse("2026-12-06T10:00:00Z")).bind("actor", "U0ESCCHLOE")
                            .bind("kind", "NOTE_ADDED").bind("data", "{\"text\":\"the subpoena names account 4471\"}").execute()));

            assertThat(failed).isNotNull();
            for (Throwable t = failed; t != null; t = t.getCause()) assertThat(String.valueOf(t.getMessage())).doesNotContain("4471");
        }
    }
}
