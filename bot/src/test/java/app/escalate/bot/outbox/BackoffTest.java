package app.escalate.bot.outbox;

import org.junit.jupiter.api.RepeatedTest;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    @RepeatedTest(20)
    void starts_near_a_second_doubles_and_never_exceeds_five_minutes_plus_jitter() {
        assertThat(Backoff.after(0)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
        assertThat(Backoff.after(3)).isBetween(Duration.ofMillis(6400), Duration.ofMillis(9600));
        assertThat(Backoff.after(50)).isBetween(Duration.ofSeconds(240), Duration.ofSeconds(360));
    }
}
