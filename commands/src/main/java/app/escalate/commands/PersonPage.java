package app.escalate.commands;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One page to one person on a case, numbered within the case. It climbs the person's notify
 * steps ({@code people.<id>.notify}) from {@code climbFrom} (when it began, or when their quiet
 * hours ended) until they acknowledge it; {@code nextAt} is when the next step is due (or, for a
 * page asked for with {@code /esc page}, when it goes unanswered), empty once nothing more is due.
 * {@code on} names what it pages for: {@code primary}/{@code secondary}/{@code manager} of a
 * rotation, or nothing for a page someone asked for. {@code triggered} holds the pagers
 * (pagerduty, webhook) it rang, which its acknowledgement and the case's resolution must stop.
 */
public record PersonPage(int number, UserId person, Optional<String> level, Optional<String> rotation, Optional<UserId> requestedBy,
                         Optional<String> group, Optional<String> reason, Instant startedAt, Instant climbFrom, int nextStep,
                         Optional<Instant> nextAt, Status status, Optional<Instant> heldUntil, Set<String> triggered,
                         Optional<Instant> settledAt) {

    public enum Status {
        /** Climbing its steps, or waiting for an answer. */
        OPEN,
        /** The person said they have it. */
        ACKNOWLEDGED,
        /** Asked for with /esc page and not answered within the severity's ack time. */
        UNANSWERED,
        /** The case was acknowledged by someone, or resolved: nothing more to ring. */
        STOPPED
    }

    public PersonPage {
        if (nextAt == null) nextAt = Optional.empty();
        if (heldUntil == null) heldUntil = Optional.empty();
        if (settledAt == null) settledAt = Optional.empty();
        // Sorted, so its pagers hear acknowledge and resolve in the same order every time.
        triggered = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(triggered == null ? Set.of() : triggered));
    }

    /** Asked for with {@code /esc page}, rather than paged by a rotation or the escalation chain. */
    public boolean adHoc() {
        return requestedBy.isPresent();
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /**
     * The key a pager knows this page by: the case id for the case's pages from its rotations (one
     * incident per case, which its acknowledgement and resolution stop), the case id and number for
     * one asked for.
     */
    public String dedupKey(CaseId caseId) {
        return adHoc() ? caseId + "-page-" + number : caseId.toString();
    }

    public PersonPage climbing(int step, Optional<Instant> next) {
        return new PersonPage(number, person, level, rotation, requestedBy, group, reason, startedAt, climbFrom, step, next, status, heldUntil,
                triggered, settledAt);
    }

    public PersonPage held(Instant until) {
        return new PersonPage(number, person, level, rotation, requestedBy, group, reason, startedAt, until, nextStep, Optional.of(until),
                status, Optional.of(until), triggered, settledAt);
    }

    /** Out of quiet hours early (the case became a SEV1): it climbs from {@code at}. */
    public PersonPage released(Instant at) {
        return new PersonPage(number, person, level, rotation, requestedBy, group, reason, startedAt, at, nextStep, Optional.of(at), status,
                Optional.empty(), triggered, settledAt);
    }

    /** Its pagers were told to stop: nothing left to acknowledge or resolve. */
    public PersonPage silenced() {
        return new PersonPage(number, person, level, rotation, requestedBy, group, reason, startedAt, climbFrom, nextStep, nextAt, status,
                heldUntil, Set.of(), settledAt);
    }

    public PersonPage ringing(String pager) {
        Set<String> rung = new TreeSet<>(triggered);
        rung.add(pager);
        return new PersonPage(number, person, level, rotation, requestedBy, group, reason, startedAt, climbFrom, nextStep, nextAt, status,
                heldUntil, rung, settledAt);
    }

    public PersonPage settled(Status how, Instant at) {
        return new PersonPage(number, person, level, rotation, requestedBy, group, reason, startedAt, climbFrom, nextStep, Optional.empty(),
                how, heldUntil, triggered, Optional.of(at));
    }
}
