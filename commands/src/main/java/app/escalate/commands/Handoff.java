package app.escalate.commands;

import java.time.Instant;
import java.util.Optional;

/**
 * One handover of a rotation's primary at {@code dueAt}, as stored: who handed to whom, when the
 * digest went out (late when the bot was down at the time), and how acceptance went.
 */
public record Handoff(long id, String rotation, Instant dueAt, Instant postedAt, Optional<UserId> outgoing, UserId incoming,
                      boolean weekend, boolean late, Status status, Optional<UserId> acceptedBy, Optional<Instant> acceptedAt,
                      Optional<Instant> remindedAt, Optional<Instant> escalatedAt) {

    public enum Status {
        /** Posted; the incoming person has not accepted it yet. */
        PENDING,
        ACCEPTED,
        /** The next handoff came before anyone accepted this one. */
        SUPERSEDED,
        /**
         * Overtaken by a later handoff before it was posted (due while the bot was down, when late; else
         * jumped over by the sandbox's clock), so never posted; kept for the record.
         */
        MISSED
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public Handoff accepted(UserId by, Instant at) {
        return new Handoff(id, rotation, dueAt, postedAt, outgoing, incoming, weekend, late, Status.ACCEPTED, Optional.of(by),
                Optional.of(at), remindedAt, escalatedAt);
    }

    public Handoff superseded() {
        return new Handoff(id, rotation, dueAt, postedAt, outgoing, incoming, weekend, late, Status.SUPERSEDED, acceptedBy, acceptedAt,
                remindedAt, escalatedAt);
    }

    public Handoff reminded(Instant at) {
        return new Handoff(id, rotation, dueAt, postedAt, outgoing, incoming, weekend, late, status, acceptedBy, acceptedAt,
                Optional.of(at), escalatedAt);
    }

    public Handoff escalated(Instant at) {
        return new Handoff(id, rotation, dueAt, postedAt, outgoing, incoming, weekend, late, status, acceptedBy, acceptedAt,
                remindedAt, Optional.of(at));
    }
}
