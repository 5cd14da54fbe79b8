package app.escalate.commands;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How AI triage fares with people, from the timeline: per suggested type, how often the suggestion
 * was kept (accepted, or applied and not undone); per source and prompt version, how often people
 * overrode it (changed, dismissed or undid it). A suggestion still waiting for a person counts in
 * neither.
 */
public final class TriageStats {
    /** Suggestions judged (kept or overridden) and how many were kept. */
    public record Tally(int judged, int kept) {
        public int overridden() {
            return judged - kept;
        }

        public double keptShare() {
            return judged == 0 ? 0 : (double) kept / judged;
        }

        Tally plus(boolean wasKept) {
            return new Tally(judged + 1, kept + (wasKept ? 1 : 0));
        }
    }

    /** Per suggested type (its id, or "none"), and per {@code source prompt-version}; each in alphabetical order. */
    public record Report(Map<String, Tally> byType, Map<String, Tally> byPromptVersion, int waiting) {
        public Report {
            byType = Collections.unmodifiableMap(new TreeMap<>(byType));
            byPromptVersion = Collections.unmodifiableMap(new TreeMap<>(byPromptVersion));
        }
    }

    private TriageStats() {
    }

    /** From the window's {@code TRIAGE_SUGGESTED} and {@code TRIAGE_JUDGED} events. */
    public static Report of(List<CaseEvent> events) {
        Map<CaseId, CaseEvent> verdicts = new HashMap<>();
        for (CaseEvent e : events) if (e.kind() == CaseEvent.Kind.TRIAGE_JUDGED) verdicts.put(e.caseId(), e);
        Map<String, Tally> byType = new TreeMap<>();
        Map<String, Tally> byVersion = new TreeMap<>();
        int waiting = 0;
        for (CaseEvent s : events) {
            if (s.kind() != CaseEvent.Kind.TRIAGE_SUGGESTED) continue;
            CaseEvent verdict = verdicts.get(s.caseId());
            boolean applied = s.get("route").equals("applied");
            if (verdict == null && !applied) {
                waiting++;
                continue;
            }
            boolean kept = verdict == null || verdict.get("verdict").equals(TriageVerdict.ACCEPTED.id());
            String type = s.get("type").isEmpty() ? "none" : s.get("type");
            String version = s.get("source").equals(s.get("prompt_version")) ? s.get("source") : s.get("source") + " " + s.get("prompt_version");
            byType.merge(type, new Tally(1, kept ? 1 : 0), (a, b) -> a.plus(kept));
            byVersion.merge(version, new Tally(1, kept ? 1 : 0), (a, b) -> a.plus(kept));
        }
        return new Report(byType, byVersion, waiting);
    }
}
