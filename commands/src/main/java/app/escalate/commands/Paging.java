package app.escalate.commands;

import java.time.Instant;
import java.util.Optional;

/**
 * How far up the escalation chain an unacknowledged case has gone (0: whoever was on call when it
 * opened; 1: the secondary; 2: the managers), and when the next step is due if still nobody acks.
 */
public record Paging(int step, Optional<Instant> nextAt) {
    public static final Paging NONE = new Paging(0, Optional.empty());
}
