package app.escalate.commands;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a case's append-only timeline: who did what, when, and the values involved
 * (for a change, its before and after as {@code from} and {@code to}).
 */
public record CaseEvent(CaseId caseId, Instant at, UserId actor, Kind kind, Map<String, String> data) {

    public enum Kind {
        OPENED, ACKNOWLEDGED, SEVERITY_CHANGED, STATE_CHANGED, OWNER_CHANGED, NOTE_ADDED, TASK_ADDED, TASK_DONE,
        GROUP_LOOPED, RESOLVED, REOPENED, MESSAGE_PINNED, PAGED, CHAIN_ENDED, WATCHED, UNWATCHED, SUMMARY_POSTED, SUMMARY_NOT_POSTED, SLA_WARNING, SLA_BREACHED, SLA_MET,
        RUNBOOK_STARTED, RUNBOOK_ANSWERED, TRIAGE_SUGGESTED, TRIAGE_JUDGED
    }

    public CaseEvent {
        data = Map.copyOf(data);
    }

    public String get(String key) {
        return data.getOrDefault(key, "");
    }

    public static CaseEvent opened(Case c, Optional<String> description) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("title", c.title());
        data.put("severity", c.severity().name());
        data.put("case_type", c.caseType().orElse(""));
        c.surface().ifPresent(s -> data.put("surface", s));
        description.ifPresent(d -> data.put("description", d));
        return new CaseEvent(c.id(), c.openedAt(), c.reporter(), Kind.OPENED, data);
    }

    /** A change from {@code from} to {@code to}, with optional extra values (e.g. a reason). */
    public static CaseEvent change(CaseId id, Instant at, UserId actor, Kind kind, String from, String to,
                                   Map<String, String> extra) {
        Map<String, String> data = new LinkedHashMap<>(extra);
        data.put("from", from);
        data.put("to", to);
        return new CaseEvent(id, at, actor, kind, data);
    }

    /** {@code who} was paged at {@code level} of {@code rotation}; {@code waited} is how long the case had gone unacknowledged, for an escalation. */
    public static CaseEvent paged(Case c, Instant at, UserId who, String level, String rotation, Optional<Duration> waited) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("user", who.value());
        data.put("level", level);
        data.put("rotation", rotation);
        waited.ifPresent(w -> data.put("unacknowledged_for", Long.toString(w.toMinutes())));
        return new CaseEvent(c.id(), at, c.reporter(), Kind.PAGED, data);
    }

    public static CaseEvent of(CaseId id, Instant at, UserId actor, Kind kind, Map<String, String> data) {
        return new CaseEvent(id, at, actor, kind, data);
    }
}
