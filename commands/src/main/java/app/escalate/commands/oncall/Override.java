package app.escalate.commands.oncall;

import app.escalate.commands.UserId;

import java.time.Instant;

/** {@code who} takes over {@code level} of {@code rotation} from {@code from} until {@code until}, set by {@code by}. */
public record Override(long id, String rotation, Level level, UserId who, Instant from, Instant until, UserId by,
                       Instant createdAt) {

    boolean covers(Instant t) {
        return !t.isBefore(from) && t.isBefore(until);
    }
}
