package app.escalate.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTest {
    @Test
    void a_start_up_that_found_h2s_objects_closed_under_it_says_the_disk_may_be_full() {
        // As a full disk showed once at start-up: H2's writer closed the database, and Flyway's next query found its statement closed.
        RuntimeException flyway = new RuntimeException("Unable to check whether table \"PUBLIC\".\"flyway_schema_history\" exists",
                new java.sql.SQLException("The object is already closed [90007-240]", "90007", 90007));

        assertThat(Database.unwritable(flyway, java.util.Optional.of("/data/escalate")))
                .get().extracting(Throwable::getMessage).isEqualTo("cannot write the H2 database /data/escalate.mv.db (is the disk full?)");
        assertThat(Database.unwritable(new RuntimeException("bad password", new java.sql.SQLException("Wrong user name or password", "28000", 28000)),
                java.util.Optional.of("/data/escalate"))).isEmpty();
        assertThat(Database.unwritable(flyway, java.util.Optional.empty())).as("not an H2 file").isEmpty();
    }

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

    /**
     * What {@code kill -9} leaves of an H2 file is the file as it is when the commit returns. Once
     * H2 writes into space freed earlier in the file (as a bot does after running a while), each
     * such copy must still hold the last commit. (H2 2.5.252 pointed its file header at the commit
     * before, so a restart went back to it: acknowledged work was lost.)
     */
    @Test
    void a_commit_is_in_the_file_when_it_returns_also_where_h2_reuses_freed_space(@TempDir Path dir) throws Exception {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("escalate"))) {
            db.jdbi().useHandle(h -> {
                // Reuse freed space at once, not after the default 45 s.
                h.execute("SET RETENTION_TIME 0");
                h.execute("CREATE TABLE crash_probe (id INT PRIMARY KEY, body VARCHAR(20000))");
            });
            for (int i = 1; i <= 3; i++) {
                int id = i;
                db.jdbi().useHandle(h -> {
                    h.createUpdate("INSERT INTO crash_probe VALUES (:id, REPEAT('x', :size))").bind("id", id).bind("size", id % 3 == 0 ? 6000 : 10).execute();
                    if (id % 3 == 0) h.createUpdate("DELETE FROM crash_probe WHERE id = :old").bind("old", id - 2).execute();
                });
                Path killed = dir.resolve("killed-" + i);
                Files.copy(dir.resolve("escalate.mv.db"), Path.of(killed + ".mv.db"));
                assertThat(rowsAfterRestart(killed, i)).as("row %d after a restart from the file as it was when its commit returned", i)
                        .isEqualTo(1);
            }
        }
    }

    /** Rows with {@code id} in the copy {@code file} when it is opened (-1: the table is not there). */
    private static int rowsAfterRestart(Path file, int id) throws Exception {
        try (Connection restarted = DriverManager.getConnection("jdbc:h2:file:" + file); Statement s = restarted.createStatement()) {
            try (ResultSet table = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'CRASH_PROBE'")) {
                table.next();
                if (table.getInt(1) == 0) return -1;
            }
            try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM crash_probe WHERE id = " + id)) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
