package app.escalate.commands.ledger;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.DuplicateStats;
import app.escalate.commands.AiLedgerReport;
import app.escalate.commands.AiOverride;
import app.escalate.commands.EventData;
import app.escalate.commands.ShadowStats;
import app.escalate.commands.TriageStats;
import app.escalate.commands.summary.Draft;
import app.escalate.config.Triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /esc ai}: how the team's AI fares over a window, per surface (summary, rca, triage,
 * similar) and per prompt or rule version: how much it answered, how much people kept, how much
 * they edited, how often they overrode it and the failure modes they tagged; and triage's
 * calibration. Pure: the caller reads the drafts decided and the window's events.
 */
public final class AiLedger {
    /** The rows of the routing rules that applied suggestions at once, one per rule. */
    public static final String RULE = "triage-rule";
    /** Failure modes listed per version, most tagged first. */
    public static final int TOP_MODES = 3;

    private AiLedger() {
    }

    /**
     * {@code drafts}: every decided draft (those decided from {@code from} on count); {@code events}:
     * the window's triage, similar-case, runbook-flag and failure-tag events; {@code triage}: the
     * policy's, whose shadow rules are listed even when they matched nothing; {@code drifting}: the
     * surfaces' drift, as sentences.
     */
    public static AiLedgerReport of(int days, Instant from, List<Draft> drafts, List<CaseEvent> events, Triage triage, List<String> drifting) {
        return of(days, from, drafts, events, triage, List.of(), drifting);
    }

    /** The same, with the triage prompt on trial against the live one ({@link PromptTrials}). */
    public static AiLedgerReport of(int days, Instant from, List<Draft> drafts, List<CaseEvent> events, Triage triage,
                                    List<AiLedgerReport.PromptTrial> promptTrials, List<String> drifting) {
        Map<String, Map<String, Integer>> modes = modes(events);
        List<AiLedgerReport.Row> rows = new ArrayList<>();
        Map<String, List<Draft>> byVersion = new TreeMap<>();
        for (Draft d : drafts) {
            if (d.decidedAt().map(at -> at.isBefore(from)).orElse(true)) continue;
            byVersion.computeIfAbsent(AiOverrides.surface(d.kind()) + "|" + d.promptVersion(), k -> new ArrayList<>()).add(d);
        }
        byVersion.forEach((key, group) -> {
            String[] k = key.split("\\|", 2);
            int kept = (int) group.stream().filter(d -> d.outcome().map(Draft.Outcome::accepted).orElse(false)).count();
            int edited = (int) group.stream().filter(Draft::edited).count();
            double ratio = group.stream().filter(d -> d.outcome().map(Draft.Outcome::accepted).orElse(false))
                    .mapToDouble(d -> d.editRatio().orElse(0.0)).average().orElse(0);
            rows.add(new AiLedgerReport.Row(k[0], k[1], group.size(), group.size(), kept, edited, ratio, modes.getOrDefault(key, Map.of())));
        });
        TriageStats.Report triageStats = TriageStats.of(events);
        rows.addAll(triage(events, triageStats, modes));
        Map<String, Integer> flags = new TreeMap<>();
        for (CaseEvent e : events) e.as(EventData.RunbookFlagged.class).ifPresent(f -> flags.merge(AiOverrides.treeVersion(f.caseType()), 1, Integer::sum));
        flags.forEach((tree, n) -> rows.add(new AiLedgerReport.Row(AiOverride.RUNBOOK, tree, n, n, 0, 0, 0,
                modes.getOrDefault(AiOverride.RUNBOOK + "|" + tree, Map.of()))));
        DuplicateStats.Report similar = DuplicateStats.of(events);
        if (similar.flagged() > 0) {
            rows.add(new AiLedgerReport.Row("similar", "duplicate flags", similar.flagged(), similar.judged(), similar.confirmed(), 0, 0, Map.of()));
        }
        return new AiLedgerReport(days, rows, triageStats, similar, ShadowStats.of(events, triage), promptTrials, drifting);
    }

    /**
     * Per triage version: suggestions made, judged and kept as {@link TriageStats} counts them; and
     * per routing rule, what it applied at once and how much of that people let stand (the rules'
     * own wrong-applied rate).
     */
    private static List<AiLedgerReport.Row> triage(List<CaseEvent> events, TriageStats.Report stats, Map<String, Map<String, Integer>> modes) {
        Map<String, Integer> made = new TreeMap<>();
        for (CaseEvent e : events) e.as(EventData.TriageSuggested.class).ifPresent(s -> made.merge(TriageStats.version(s), 1, Integer::sum));
        List<AiLedgerReport.Row> rows = new ArrayList<>();
        made.forEach((version, n) -> {
            TriageStats.Tally t = stats.byPromptVersion().getOrDefault(version, new TriageStats.Tally(0, 0));
            rows.add(new AiLedgerReport.Row(AiOverride.TRIAGE, version, n, t.judged(), t.kept(), 0, 0,
                    modes.getOrDefault(AiOverride.TRIAGE + "|" + version, Map.of())));
        });
        stats.byRule().forEach((rule, t) -> rows.add(new AiLedgerReport.Row(RULE, rule, t.judged(), t.judged(), t.kept(), 0, 0,
                modes.getOrDefault(RULE + "|" + rule, Map.of()))));
        return rows;
    }

    /** Tag counts by {@code surface|version}, by label, most first: each override counted once, with its latest tag. */
    private static Map<String, Map<String, Integer>> modes(List<CaseEvent> events) {
        Map<String, EventData.FailureTagged> latest = new LinkedHashMap<>();
        for (CaseEvent e : events) {
            e.as(EventData.FailureTagged.class).ifPresent(t -> latest.put(e.caseId().number() + "|" + t.subject(), t));
        }
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (EventData.FailureTagged t : latest.values()) {
            counts.computeIfAbsent(t.surface() + "|" + t.version(), k -> new HashMap<>()).merge(t.label(), 1, Integer::sum);
            t.rule().ifPresent(rule -> counts.computeIfAbsent(RULE + "|" + rule, k -> new HashMap<>()).merge(t.label(), 1, Integer::sum));
        }
        Map<String, Map<String, Integer>> top = new HashMap<>();
        counts.forEach((key, byLabel) -> {
            Map<String, Integer> sorted = new LinkedHashMap<>();
            byLabel.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(TOP_MODES).forEach(en -> sorted.put(en.getKey(), en.getValue()));
            top.put(key, sorted);
        });
        return top;
    }

    /** The kinds of event the view reads. */
    public static final java.util.Set<CaseEvent.Kind> KINDS = java.util.EnumSet.of(CaseEvent.Kind.TRIAGE_SUGGESTED, CaseEvent.Kind.TRIAGE_JUDGED,
            CaseEvent.Kind.SIMILAR_FOUND, CaseEvent.Kind.DUPLICATE_JUDGED, CaseEvent.Kind.AI_FAILURE_TAGGED, CaseEvent.Kind.RUNBOOK_FLAGGED);
}
