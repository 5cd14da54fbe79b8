package app.escalate.commands;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How AI triage fares with people, from the timeline: per suggested type, how often the suggestion
 * was kept (accepted, or applied and not undone); per source and prompt version, how often people
 * overrode it (changed, dismissed or undid it); and per band of the suggestion's confidence, how
 * often it was kept, which says whether its confidences mean what they say (of the suggestions
 * made at 0.8, about eight in ten should be kept). A suggestion still waiting for a person counts
 * in none.
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

    /** The bands of confidence calibration is shown in, by their lower bound: [0, 0.5), [0.5, 0.7), [0.7, 0.9), [0.9, 1]. */
    public static final List<Double> BANDS = List.of(0.0, 0.5, 0.7, 0.9);

    /**
     * Per suggested type (its id, or "none"), and per {@code source prompt-version}, each in
     * alphabetical order; per confidence band (by its lower bound, from {@link #BANDS}), lowest first;
     * per routing rule, the suggestions it applied at once and how many people let stand.
     */
    public record Report(Map<String, Tally> byType, Map<String, Tally> byPromptVersion, Map<Double, Tally> byConfidence,
                         Map<String, Tally> byRule, int waiting) {
        public Report {
            byType = Collections.unmodifiableMap(new TreeMap<>(byType));
            byPromptVersion = Collections.unmodifiableMap(new TreeMap<>(byPromptVersion));
            byConfidence = Collections.unmodifiableMap(new TreeMap<>(byConfidence));
            byRule = Collections.unmodifiableMap(new TreeMap<>(byRule));
        }
    }

    /** The version a suggestion is counted under: its source alone (the keywords), or the model and its prompt version. */
    public static String version(EventData.TriageSuggested s) {
        String source = s.suggested().source();
        String prompt = s.suggested().promptVersion();
        return source.equals(prompt) ? source : source + " " + prompt;
    }

    /** The band {@code confidence} falls in: the greatest lower bound of {@link #BANDS} not above it. */
    public static double band(double confidence) {
        double band = BANDS.get(0);
        for (double lower : BANDS) if (confidence >= lower) band = lower;
        return band;
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
        Map<Double, Tally> byConfidence = new TreeMap<>();
        Map<String, Tally> byRule = new TreeMap<>();
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
            byType.merge(type, new Tally(1, kept ? 1 : 0), (a, b) -> a.plus(kept));
            byVersion.merge(version(s), new Tally(1, kept ? 1 : 0), (a, b) -> a.plus(kept));
            byConfidence.merge(band(s.suggestion().confidence()), new Tally(1, kept ? 1 : 0), (a, b) -> a.plus(kept));
            if (s.applied()) s.rule().ifPresent(rule -> byRule.merge(rule, new Tally(1, kept ? 1 : 0), (a, b) -> a.plus(kept)));
        }
        return new Report(byType, byVersion, byConfidence, byRule, waiting);
    }
}
