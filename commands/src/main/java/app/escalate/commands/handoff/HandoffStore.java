package app.escalate.commands.handoff;

import app.escalate.commands.Handoff;
import app.escalate.commands.HandoffDigest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Where handoffs, their timelines, digest snapshots and the outgoing shift's notes are kept. */
public interface HandoffStore {

    /** Up to when {@code rotation}'s handovers have been dealt with; empty before the first sweep. */
    Optional<Instant> checkedUntil(String rotation);

    /**
     * Records {@code handoffs} (superseding the rotation's pending one when a new one is posted)
     * with their events and effects, and moves the rotation's mark from {@code seen} to
     * {@code until}, in one transaction. False, with nothing written, when the mark is no longer
     * {@code seen} or a handoff is already recorded: another replica got there first.
     */
    boolean record(String rotation, Optional<Instant> seen, Instant until, List<NewHandoff> handoffs);

    Optional<Handoff> find(long id);

    /** The digest as posted to the team channel, or as sent to the incoming person. */
    Optional<HandoffDigest> digest(long id, boolean forIncoming);

    /** The rotation's newest posted handoff (whatever became of it; missed ones do not count). */
    Optional<Handoff> latest(String rotation);

    /** The rotation's newest {@code limit} handoffs, missed ones included, newest first: the audit trail. */
    List<Handoff> recent(String rotation, int limit);

    /** Handoffs posted and not yet accepted, oldest first. */
    List<Handoff> pending();

    /** Runs {@code decide} on the handoff, locked, and stores what it applies. Empty when there is no such handoff. */
    Optional<HandoffDecision> change(long id, Function<Handoff, HandoffDecision> decide);

    /** Oldest first. */
    List<HandoffEvent> events(long id);

    void addNote(HandoffNote note);

    /** Notes written in [from, until) for {@code rotation} or for every rotation, oldest first. */
    List<HandoffNote> notes(String rotation, Instant from, Instant until);
}
