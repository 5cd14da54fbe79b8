package app.escalate.bot.slack;

import app.escalate.bot.sandbox.SandboxClock;
import app.escalate.storage.Database;
import app.escalate.storage.JdbiSignedRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The record of accepted signatures, on a real H2 database. */
class ReplayGuardTest {
    private static final String SIGNATURE = "v0=a1b2c3";

    @TempDir
    Path dir;
    private Database database;
    private JdbiSignedRequests store;
    private final SandboxClock clock = new SandboxClock(Instant.parse("2026-12-06T12:00:00Z"));

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:file:" + dir.resolve("escalate"));
        store = new JdbiSignedRequests(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void a_signature_is_taken_once() {
        try (ReplayGuard guard = ReplayGuard.on(store, false, clock)) {
            assertThat(guard.firstTime(SIGNATURE, clock.instant(), clock.instant())).isTrue();
            assertThat(guard.firstTime(SIGNATURE, clock.instant(), clock.instant())).isFalse();
            assertThat(guard.firstTime("v0=other", clock.instant(), clock.instant())).isTrue();
        }
    }

    @Test
    void a_restarted_process_knows_the_signatures_its_predecessor_took() {
        try (ReplayGuard before = ReplayGuard.on(store, false, clock)) {
            before.firstTime(SIGNATURE, clock.instant(), clock.instant());
        }
        try (ReplayGuard after = ReplayGuard.on(store, false, clock)) {
            assertThat(after.firstTime(SIGNATURE, clock.instant(), clock.instant())).isFalse();
        }
    }

    @Test
    void replicas_sharing_a_database_take_a_signature_once() {
        try (ReplayGuard one = ReplayGuard.on(store, true, clock); ReplayGuard two = ReplayGuard.on(store, true, clock)) {
            assertThat(one.firstTime(SIGNATURE, clock.instant(), clock.instant())).isTrue();
            assertThat(two.firstTime(SIGNATURE, clock.instant(), clock.instant())).isFalse();
        }
    }

    @Test
    void signatures_too_old_to_be_accepted_again_are_forgotten() {
        try (ReplayGuard guard = ReplayGuard.on(store, false, clock)) {
            guard.firstTime(SIGNATURE, clock.instant(), clock.instant());
            guard.flush();
            clock.advance(JdbiSignedRequests.KEEP.plusMinutes(1));
            guard.flush();

            assertThat(store.since(Instant.EPOCH)).isEmpty();
            // Its timestamp would be refused long before this; the memory is bounded.
            assertThat(guard.firstTime(SIGNATURE, clock.instant(), clock.instant())).isTrue();
        }
    }

    @Test
    void a_shared_record_that_does_not_answer_lets_the_request_through_instead_of_holding_it() {
        CountDownLatch never = new CountDownLatch(1);
        try (ReplayGuard guard = new ReplayGuard(true, Map.of(), (signature, at) -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }, batch -> { }, cutoff -> { }, clock)) {
            // Were it to wait for the database, this would hang: the bound is what lets it return.
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(guard.firstTime(SIGNATURE, clock.instant(), clock.instant())).isTrue());
        }
    }

    @Test
    void a_record_that_fails_lets_the_request_through() {
        try (ReplayGuard guard = new ReplayGuard(true, Map.of(), (signature, at) -> {
            throw new IllegalStateException("database gone");
        }, batch -> { }, cutoff -> { }, clock)) {
            assertThat(guard.firstTime(SIGNATURE, clock.instant(), clock.instant())).isTrue();
        }
    }
}
