package app.escalate.commands;

import java.time.Instant;

/** {@code who} takes over {@code level} of {@code rotation} from {@code from} until {@code until}, set by {@code by}. */
public record ShiftOverride(long id, String rotation, Level level, UserId who, Instant from, Instant until, UserId by,
                       Instant createdAt) {

    public boolean covers(Instant t) {
        return !t.isBefore(from) && t.isBefore(until);
    }
}
