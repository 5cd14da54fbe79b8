package app.escalate.commands;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The moves of a clock made while this bot runs, told to {@link #jumped} as they happen. A move made
 * while it was stopped is not one of them: that time the bot was down, and what came due then is late.
 */
public final class RecordedJumps implements ClockJumps {
    private record Jump(Instant from, Instant to) {
    }

    private final List<Jump> jumps = new CopyOnWriteArrayList<>();

    /** The clock read {@code from} and then, at once, {@code to}. */
    public void jumped(Instant from, Instant to) {
        jumps.add(new Jump(from, to));
    }

    @Override
    public Duration skipped(Instant from, Instant to) {
        Duration skipped = Duration.ZERO;
        for (Jump j : jumps) {
            Instant start = j.from().isAfter(from) ? j.from() : from;
            Instant end = j.to().isBefore(to) ? j.to() : to;
            if (end.isAfter(start)) skipped = skipped.plus(Duration.between(start, end));
        }
        return skipped;
    }
}
