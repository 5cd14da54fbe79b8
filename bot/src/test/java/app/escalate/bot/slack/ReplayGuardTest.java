package app.escalate.bot.slack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ReplayGuardTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void the_answer_of_the_record_is_passed_on() {
        try (ReplayGuard guard = new ReplayGuard((signature, at, now) -> !signature.equals("v0=seen"))) {
            assertThat(guard.firstTime("v0=new", NOW, NOW)).isTrue();
            assertThat(guard.firstTime("v0=seen", NOW, NOW)).isFalse();
        }
    }

    @Test
    void a_record_that_does_not_answer_lets_the_request_through_instead_of_holding_it() {
        CountDownLatch never = new CountDownLatch(1);
        try (ReplayGuard guard = new ReplayGuard((signature, at, now) -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        })) {
            // Were it to wait for the database, this would hang: the bound is what lets it return.
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(guard.firstTime("v0=any", NOW, NOW)).isTrue());
        }
    }

    @Test
    void a_record_that_fails_lets_the_request_through() {
        try (ReplayGuard guard = new ReplayGuard((signature, at, now) -> {
            throw new IllegalStateException("database gone");
        })) {
            assertThat(guard.firstTime("v0=any", NOW, NOW)).isTrue();
        }
    }
}
