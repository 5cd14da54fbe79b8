package app.escalate.bot.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Real time, moved forward on request: the sandbox's "advance 1 hour" and "jump to Friday 17:00".
 * The bot gets it as its injected {@link Clock}, so handoffs and SLA clocks follow.
 */
public final class SandboxClock extends Clock {
    private volatile Duration offset;
    /** The moves made before a restart, kept with the clock's offset (see {@link #resume}). */
    private volatile List<Move> kept = List.of();
    private final List<Runnable> onAdvance = new CopyOnWriteArrayList<>();
    private final List<JumpListener> jumps = new CopyOnWriteArrayList<>();

    public SandboxClock() {
        this.offset = Duration.ZERO;
    }

    /** Real time shifted so that it reads {@code startAt} now (the tests start on a chosen Tuesday). */
    public SandboxClock(Instant startAt) {
        this.offset = Duration.between(Instant.now(), startAt);
    }

    public void advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("the sandbox clock only moves forward");
        Instant from;
        Instant to;
        synchronized (this) {
            from = instant();
            offset = offset.plus(by);
            to = from.plus(by);
        }
        jumps.forEach(j -> j.jumped(from, to));
        onAdvance.forEach(Runnable::run);
    }

    /** How far ahead of real time the clock reads. */
    public Duration offset() {
        return offset;
    }

    /**
     * The clock as it was kept before a restart: it reads real time plus {@code offset} again, and
     * knows the moves made then, while the bot ran (each the instant it was moved from, and to).
     */
    public synchronized void resume(Duration keptOffset, List<Move> moves) {
        offset = keptOffset;
        kept = List.copyOf(moves);
    }

    /** A move of the clock: it read {@code from} and then, at once, {@code to}. */
    public record Move(Instant from, Instant to) {
    }

    /** The moves made while the bot ran before this start, as {@link #resume} was told them. */
    public List<Move> keptMoves() {
        return kept;
    }

    /** Told of each move of the clock: it read {@code from} and then, at once, {@code to}. */
    public interface JumpListener {
        void jumped(Instant from, Instant to);
    }

    /** Tells {@code listener} of each move of the clock, until the returned handle is closed. */
    public AutoCloseable onJump(JumpListener listener) {
        JumpListener registered = listener::jumped;
        jumps.add(registered);
        return () -> jumps.remove(registered);
    }

    /** Runs {@code action} after each move of the clock, until the returned handle is closed. */
    public AutoCloseable onAdvance(Runnable action) {
        Runnable registered = action::run;   // its own identity, so closing removes this registration only
        onAdvance.add(registered);
        return () -> onAdvance.remove(registered);
    }

    /** Jumps to {@code to}; a time in the past is refused, since the bot's records only move forward. */
    public void jumpTo(Instant to) {
        advance(Duration.between(instant(), to));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
