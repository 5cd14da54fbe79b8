package app.escalate.commands.handoff;

import app.escalate.commands.UserId;

import java.time.Instant;
import java.util.Optional;

/** One entry of a handoff's own timeline: posted, reminded, escalated, accepted, superseded, missed. */
public record HandoffEvent(long handoffId, Instant at, Optional<UserId> actor, Kind kind, String detail) {
    /** As long as a stored detail may be. */
    public static final int MAX_DETAIL = 500;

    public enum Kind {
        POSTED, MISSED, REMINDED, ESCALATED, ACCEPTED, SUPERSEDED
    }
}
