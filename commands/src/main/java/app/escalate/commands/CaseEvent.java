package app.escalate.commands;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One entry of a case's append-only timeline: who did what, when, and what it records ({@link EventData}). */
public record CaseEvent(CaseId caseId, Instant at, UserId actor, EventData data) {

    public enum Kind {
        OPENED, ACKNOWLEDGED, SEVERITY_CHANGED, STATE_CHANGED, OWNER_CHANGED, NOTE_ADDED, TASK_ADDED, TASK_DONE,
        GROUP_LOOPED, RESOLVED, REOPENED, MESSAGE_PINNED, PAGED, CHAIN_ENDED, WATCHED, UNWATCHED, SUMMARY_POSTED, SUMMARY_NOT_POSTED, SLACK_REFUSED, SLA_WARNING, SLA_BREACHED, SLA_MET,
        RUNBOOK_STARTED, RUNBOOK_ANSWERED, TRIAGE_SUGGESTED, TRIAGE_JUDGED, FIELD_SET,
        DEADLINE_SET, DEADLINE_DONE, DEADLINE_DROPPED, DEADLINE_WARNING, DEADLINE_BREACHED,
        DECISION_TAKEN, DECISION_SIGNED, DECISION_OVERRIDDEN, SIGN_OFF_REMINDED,
        CASE_LINKED, CASE_UNLINKED, MERGED_INTO, DUPLICATE_MERGED,
        REPORTED_AGAIN, SIMILAR_FOUND, DUPLICATE_JUDGED, AI_FAILURE_TAGGED, RUNBOOK_FLAGGED,
        PAGE_REQUESTED, PAGE_HELD, PAGE_ACKNOWLEDGED, PAGE_UNANSWERED, PAGER_CALLED, PAGE_STEP_TAKEN
    }

    public Kind kind() {
        return data.kind();
    }

    /** The event's data when it is of {@code type}. */
    public <T extends EventData> Optional<T> as(Class<T> type) {
        return type.isInstance(data) ? Optional.of(type.cast(data)) : Optional.empty();
    }

    public <R> R accept(EventData.Visitor<R> visitor) {
        return data.accept(visitor);
    }

    public static CaseEvent opened(Case c, Optional<String> description) {
        return new CaseEvent(c.id(), c.openedAt(), c.reporter(),
                new EventData.Opened(c.title(), c.severity(), c.caseType(), c.surface(), description));
    }

    /** {@code who} was paged at {@code level} of {@code rotation}; {@code waited} is how long the case had gone unacknowledged, for an escalation. */
    public static CaseEvent paged(Case c, Instant at, UserId who, String level, String rotation, Optional<Duration> waited) {
        return new CaseEvent(c.id(), at, c.reporter(), new EventData.Paged(who, level, rotation, waited));
    }
}
