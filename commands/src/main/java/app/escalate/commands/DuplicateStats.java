package app.escalate.commands;

import java.util.List;

/**
 * How the similar-case suggestions fared with people, from the timeline: how many new cases were
 * shown similar ones, how many were flagged as likely duplicates, and of the flags people judged,
 * how many were right (merged into the flagged case) — the flags' precision.
 */
public final class DuplicateStats {

    /** Cases shown similar ones; flags raised; flags judged right and wrong. */
    public record Report(int shown, int flagged, int confirmed, int rejected) {
        public int judged() {
            return confirmed + rejected;
        }

        public int waiting() {
            return Math.max(0, flagged - judged());
        }
    }

    private DuplicateStats() {
    }

    /** From the window's {@code SIMILAR_FOUND} and {@code DUPLICATE_JUDGED} events. */
    public static Report of(List<CaseEvent> events) {
        int shown = 0, flagged = 0, confirmed = 0, rejected = 0;
        for (CaseEvent e : events) {
            if (e.data() instanceof EventData.SimilarFound f) {
                if (!f.similar().isEmpty()) shown++;
                if (f.duplicateOf().isPresent()) flagged++;
            }
            if (e.data() instanceof EventData.DuplicateJudged j) {
                if (j.confirmed()) confirmed++;
                else rejected++;
            }
        }
        return new Report(shown, flagged, confirmed, rejected);
    }
}
