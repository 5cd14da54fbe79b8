package app.escalate.commands.summary;

import app.escalate.commands.CaseEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the timeline records of an approved draft's posts, each once Slack has answered it: where
 * it went, or that Slack refused it (its error, and the scope it named as needed). The approver's
 * confirmation is read from these, so it never claims a post Slack refused.
 */
public final class DraftPosts {
    private DraftPosts() {
    }

    /** A post of draft {@code d} to {@code to} that Slack accepted, by the draft's reviewer. */
    public static CaseEvent posted(Draft d, String to, boolean leadership, Instant at) {
        Map<String, String> data = about(d, to, leadership);
        data.put("edited", Boolean.toString(d.outcome().orElse(Draft.Outcome.AS_IS) == Draft.Outcome.EDITED));
        d.confirmed().ifPresent(c -> {
            data.put("confirmed", String.join("; ", c.findings()));
            data.put("why", c.why());
        });
        return CaseEvent.of(d.caseId(), at, d.reviewer().orElse(d.requester()), CaseEvent.Kind.SUMMARY_POSTED, data);
    }

    /** A post Slack refused: {@code error} as Slack said it, and the scope it names in {@code needed}, if any. */
    public static CaseEvent refused(Draft d, String to, boolean leadership, String error, Optional<String> needed, Instant at) {
        Map<String, String> data = about(d, to, leadership);
        data.put("error", error);
        needed.ifPresent(n -> data.put("needed", n));
        return CaseEvent.of(d.caseId(), at, d.reviewer().orElse(d.requester()), CaseEvent.Kind.SUMMARY_NOT_POSTED, data);
    }

    /** The posts recorded for draft {@code draftId} on its case's timeline, oldest first. */
    public static List<CaseEvent> of(long draftId, List<CaseEvent> timeline) {
        String id = Long.toString(draftId);
        return timeline.stream().filter(e -> (e.kind() == CaseEvent.Kind.SUMMARY_POSTED || e.kind() == CaseEvent.Kind.SUMMARY_NOT_POSTED)
                && e.get("draft").equals(id)).toList();
    }

    private static Map<String, String> about(Draft d, String to, boolean leadership) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("kind", d.kind().id());
        data.put("draft", Long.toString(d.id()));
        data.put("to", to);
        data.put("leadership", Boolean.toString(leadership));
        return data;
    }
}
