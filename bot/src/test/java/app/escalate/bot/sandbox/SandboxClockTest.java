package app.escalate.bot.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxClockTest {
    private final SandboxClock clock = new SandboxClock(Instant.parse("2026-11-24T12:00:00Z"));
    private final List<Instant> seen = new ArrayList<>();

    @Test
    void whoever_listens_hears_each_move_after_it_until_they_stop() throws Exception {
        AutoCloseable listening = clock.onAdvance(() -> seen.add(clock.instant()));
        AutoCloseable other = clock.onAdvance(() -> { });

        clock.advance(Duration.ofHours(1));
        clock.jumpTo(Instant.parse("2026-11-27T17:00:00Z"));
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isAfterOrEqualTo(Instant.parse("2026-11-24T13:00:00Z"));
        assertThat(seen.get(1)).isAfterOrEqualTo(Instant.parse("2026-11-27T17:00:00Z"));

        listening.close();
        clock.advance(Duration.ofHours(1));
        assertThat(seen).hasSize(2);
        other.close();
    }

    @Test
    void a_move_back_is_refused_and_heard_by_nobody() {
        clock.onAdvance(() -> seen.add(clock.instant()));

        assertThatThrownBy(() -> clock.advance(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(seen).isEmpty();
    }

    @Test
    void a_resumed_clock_reads_on_from_the_kept_offset_and_knows_the_kept_moves_however_often_it_is_resumed() {
        Instant from = clock.instant();
        clock.advance(Duration.ofHours(3));

        // The bot restarted: a new clock on real time takes up the kept offset and moves.
        SandboxClock resumed = new SandboxClock();
        List<SandboxClock.Move> kept = List.of(new SandboxClock.Move(from, from.plus(Duration.ofHours(3))));
        resumed.resume(clock.offset(), kept);
        resumed.resume(clock.offset(), kept);

        assertThat(Duration.between(clock.instant(), resumed.instant()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(resumed.keptMoves()).isEqualTo(kept);
    }
}
