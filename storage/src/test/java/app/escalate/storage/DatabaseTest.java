package app.escalate.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTest {
    @Test
    void an_h2_file_database_writes_each_commit_before_it_returns() {
        assertThat(Database.durable("jdbc:h2:file:./data/escalate")).isEqualTo("jdbc:h2:file:./data/escalate;WRITE_DELAY=0");
        assertThat(Database.durable("jdbc:h2:./data/escalate;MODE=PostgreSQL")).endsWith(";MODE=PostgreSQL;WRITE_DELAY=0");
        assertThat(Database.durable("jdbc:h2:file:./x;write_delay=100")).isEqualTo("jdbc:h2:file:./x;write_delay=100");
        assertThat(Database.durable("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1");
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
}
