package app.escalate.storage;

import app.escalate.commands.Case;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Severity;
import app.escalate.commands.UserId;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** An embedded H2 database on a disk that fills up, and then has room again. */
class FullDiskTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @AfterEach
    void room() {
        FullDisk.makeRoom();
    }

    private static Case open(JdbiCaseStore cases, String title) {
        return cases.open(new NewCase(title, Severity.SEV2, Optional.empty(), Optional.empty(), Optional.empty(), new UserId("U0ESCCHLOE"),
                T0, false), c -> Opening.of(List.of()));
    }

    @Test
    void a_database_that_closed_itself_when_the_disk_filled_up_takes_writes_again_as_soon_as_there_is_room(@TempDir Path dir) {
        try (Database db = Database.open(FullDisk.url(dir.resolve("escalate")))) {
            JdbiCaseStore cases = new JdbiCaseStore(db.jdbi());
            open(cases, "Before the disk filled up");

            FullDisk.fill();
            assertThat(catchThrowable(() -> open(cases, "While it is full"))).isNotNull();
            assertThat(catchThrowable(() -> open(cases, "Still full"))).isNotNull();
            FullDisk.makeRoom();

            // The very next write works: no restart, no failed command after the room came back.
            Case after = open(cases, "Once there is room");
            assertThat(cases.find(after.id())).get().extracting(Case::title).isEqualTo("Once there is room");
            assertThat(cases.openCases()).extracting(Case::title).contains("Before the disk filled up", "Once there is room");
        }
    }

    /** Room for this many bytes at the first start: the disk fills up at different points of creating the schema. */
    @ParameterizedTest
    @ValueSource(longs = {20_000, 60_000, 120_000, 250_000, 500_000})
    void a_first_start_on_a_full_disk_says_so_and_the_next_start_with_room_creates_the_whole_schema(long room, @TempDir Path dir) {
        String url = FullDisk.url(dir.resolve("escalate"));
        FullDisk.roomFor(room);

        Throwable failed = catchThrowable(() -> Database.open(url).close());

        assertThat(failed).hasMessage("cannot write the H2 database " + FullDisk.SCHEME + ":" + dir.resolve("escalate").toAbsolutePath()
                + ".mv.db (is the disk full?)");
        FullDisk.makeRoom();
        try (Database db = Database.open(url)) {
            assertThat(open(new JdbiCaseStore(db.jdbi()), "After the disk had room").id().number()).isEqualTo(1);
        }
    }

    @Test
    void an_upgrade_cut_off_by_a_full_disk_leaves_the_database_as_it_was_and_the_next_start_upgrades_it(@TempDir Path dir) throws Exception {
        Path name = dir.resolve("escalate");
        JdbcDataSource older = new JdbcDataSource();
        older.setURL(FullDisk.url(name));
        // A database written by an older version: the first migration only, with a case in it.
        Flyway.configure().dataSource(older).locations("classpath:db/migration").placeholders(Map.of("binary", "BLOB")).target("1").load().migrate();
        try (var c = older.getConnection(); var s = c.createStatement()) {
            s.execute("INSERT INTO cases (title, severity, state, reporter, opened_at) VALUES ('Kept through the upgrade', 2, 'TRIAGE', "
                    + "'U0ESCCHLOE', TIMESTAMP WITH TIME ZONE '2026-12-01 10:00:00+00')");
            s.execute("SHUTDOWN");
        }
        FullDisk.roomFor(Files.size(Path.of(name + ".mv.db")) + 80_000);   // the copy fits; the upgrade does not

        assertThat(catchThrowable(() -> Database.open(FullDisk.url(name)).close())).hasMessageContaining("(is the disk full?)");
        assertThat(Path.of(name + ".mv.db" + H2Migration.BEFORE)).doesNotExist();

        FullDisk.makeRoom();
        try (Database db = Database.open(FullDisk.url(name))) {
            assertThat(new JdbiCaseStore(db.jdbi()).openCases()).extracting(Case::title).containsExactly("Kept through the upgrade");
        }
    }
}
