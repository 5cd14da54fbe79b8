package app.escalate.commands;

import java.time.Duration;
import java.time.Instant;

/**
 * How much of a stretch of the bot's clock was jumped over while the bot was running (the sandbox's
 * clock is moved forward by hand) rather than lived through. Something due in a jump is not late,
 * and the bot was not down then: it is raised as due when the jump lands.
 */
public interface ClockJumps {
    /** A clock that only runs (every clock but the sandbox's). */
    ClockJumps NONE = (from, to) -> Duration.ZERO;

    /** The part of {@code [from, to]} (instants of the bot's clock) that jumps skipped. */
    Duration skipped(Instant from, Instant to);

    /** Real time from {@code from} to {@code to}: the clock's time between them, less what jumps skipped. */
    default Duration lived(Instant from, Instant to) {
        return Duration.between(from, to).minus(skipped(from, to));
    }
}
