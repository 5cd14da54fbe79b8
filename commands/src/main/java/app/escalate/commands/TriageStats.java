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
        Map<CaseId, EventData.TriageJudged> verdicts = new HashMap<>();
        for (CaseEvent e : events) {
            e.as(EventData.TriageJudged.class).filter(j -> j.verdict().onSuggestion()).ifPresent(j -> verdicts.put(e.caseId(), j));
        }
        Map<String, Tally> byType = new TreeMap<>();
        Map<String, Tally> byVersion = new TreeMap<>();
        int waiting = 0;
        for (CaseEvent e : events) {
            if (!(e.data() instanceof EventData.TriageSuggested s)) continue;
            EventData.TriageJudged verdict = verdicts.get(e.caseId());
            if (verdict == null && !s.applied()) {
                waiting++;
                continue;
            }
            boolean kept = verdict == null || verdict.verdict() == TriageVerdict.ACCEPTED;
            String type = s.suggestion().typeId().orElse("none");
            String source = s.suggested().source();
            String prompt = s.suggested().promptVersion();
            String version = source.equals(prompt) ? source : source + " " + prompt;
            byType.merge(type, new Tally(1, kept ? 1 : 0), (a, b) -> a.plus(kept));
            byVersion.merge(version, new Tally(1, kept ? 1 : 0), (a, b) -> a.plus(kept));
        }
        return new Report(byType, byVersion, waiting);
    }
}
