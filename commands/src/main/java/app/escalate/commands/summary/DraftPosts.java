package app.escalate.commands.summary;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.EventData;

import java.time.Instant;
import java.util.List;
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
        boolean edited = d.outcome().orElse(Draft.Outcome.AS_IS) == Draft.Outcome.EDITED;
        return new CaseEvent(d.caseId(), at, d.reviewer().orElse(d.requester()), new EventData.SummaryPosted(d.kind(), d.id(), to,
                leadership, edited, d.confirmed().map(c -> String.join("; ", c.findings())), d.confirmed().map(Draft.Confirmation::why)));
    }

    /** A post Slack refused: {@code error} as Slack said it, and the scope it names in {@code needed}, if any. */
    public static CaseEvent refused(Draft d, String to, boolean leadership, String error, Optional<String> needed, Instant at) {
        return new CaseEvent(d.caseId(), at, d.reviewer().orElse(d.requester()),
                new EventData.SummaryNotPosted(d.kind(), d.id(), to, leadership, error, needed));
    }

    /** The posts recorded for draft {@code draftId} on its case's timeline, oldest first. */
    public static List<CaseEvent> of(long draftId, List<CaseEvent> timeline) {
        return timeline.stream().filter(e -> e.as(EventData.SummaryPosted.class).map(p -> p.draft() == draftId)
                .or(() -> e.as(EventData.SummaryNotPosted.class).map(p -> p.draft() == draftId)).orElse(false)).toList();
    }
}
