package app.escalate.commands;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a case's append-only timeline: who did what, when, and the values involved
 * (for a change, its before and after).
 */
public record CaseEvent(CaseId caseId, Instant at, UserId actor, Kind kind, Map<String, String> data) {

    public enum Kind { OPENED }

    public CaseEvent {
        data = Map.copyOf(data);
    }

    public static CaseEvent opened(Case c) {
        return new CaseEvent(c.id(), c.openedAt(), c.reporter(), Kind.OPENED, Map.of(
                "title", c.title(),
                "severity", c.severity().name(),
                "case_type", c.caseType().orElse("")));
    }
}
