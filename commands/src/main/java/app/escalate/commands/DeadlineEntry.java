package app.escalate.commands;

import java.time.Instant;
import java.util.Optional;

/**
 * What the case's people said about one deadline: set at {@code due} (a new one, or a policy
 * deadline moved; empty for a policy deadline they only closed), by whom and when, and whether it
 * is closed: done, or dropped with a reason.
 */
public record DeadlineEntry(String name, Optional<Instant> due, Instant setAt, UserId setBy, Optional<Closed> closed) {

    public enum Outcome { DONE, DROPPED }

    public record Closed(Outcome outcome, Instant at, UserId by, Optional<String> reason) {
    }

    public DeadlineEntry {
        if (due == null) due = Optional.empty();
        if (closed == null) closed = Optional.empty();
    }

    public DeadlineEntry closing(Closed how) {
        return new DeadlineEntry(name, due, setAt, setBy, Optional.of(how));
    }
}
