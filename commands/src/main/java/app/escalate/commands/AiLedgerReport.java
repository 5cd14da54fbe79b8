package app.escalate.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /esc ai}: the team's AI over {@code days}, one row per surface and version, with triage's
 * calibration, the duplicate flags, each shadow rule beside the live ones, and the surfaces whose
 * latest verdicts have turned against the AI ({@code drifting}, one sentence each, over all time).
 */
public record AiLedgerReport(int days, List<Row> rows, TriageStats.Report triage, DuplicateStats.Report similar,
                             List<ShadowStats.Figures> shadow, List<PromptTrial> promptTrials, List<String> drifting) {
    public AiLedgerReport {
        rows = List.copyOf(rows);
        shadow = List.copyOf(shadow);
        promptTrials = List.copyOf(promptTrials);
        drifting = List.copyOf(drifting);
    }

    /**
     * A triage prompt version on trial beside the live one: the cases both answered, those where
     * they agreed (same type and severity), and of the cases people decided, how many each got
     * right (the type and severity the case was left with).
     */
    public record PromptTrial(String shadowVersion, String liveVersion, int answered, int agreed, int decided, int liveRight, int shadowRight) {
    }

    /**
     * One version's record: {@code volume} answers in the window, {@code judged} by a person, of
     * which {@code kept} stood (posted, accepted, a flag confirmed) and {@code edited} were posted
     * changed; the mean edit ratio of posted drafts; the tagged failure modes, most first.
     */
    public record Row(String surface, String version, int volume, int judged, int kept, int edited, double meanEditRatio,
                      Map<String, Integer> modes) {
        public Row {
            modes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modes));
        }

        /** Share of judged answers people kept. */
        public double acceptance() {
            return judged == 0 ? 0 : (double) kept / judged;
        }

        /** Share of judged answers people changed or threw away: edited drafts count as overridden, and as kept. */
        public double overrideRate() {
            return judged == 0 ? 0 : (double) (judged - kept + edited) / judged;
        }
    }
}
