package app.escalate.commands.summary;

import app.escalate.commands.DraftVersionStats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How drafts fare with reviewers, per prompt version; and whether acceptance has dropped. */
public final class DraftStats {
    /** Acceptance is watched over this many latest decisions, against all decisions before them. */
    public static final int WINDOW = 20;
    /** "Well below": this many percentage points under the baseline. */
    public static final double DROP = 0.25;

    private DraftStats() {
    }


    public static List<DraftVersionStats> byVersion(List<Draft> decided) {
        Map<String, List<Draft>> groups = new LinkedHashMap<>();
        for (Draft d : decided) groups.computeIfAbsent(d.kind().id() + "|" + d.promptVersion(), k -> new ArrayList<>()).add(d);
        List<DraftVersionStats> out = new ArrayList<>();
        for (List<Draft> g : groups.values()) {
            int asIs = count(g, Draft.Outcome.AS_IS);
            int edited = count(g, Draft.Outcome.EDITED);
            double meanRatio = g.stream().filter(d -> d.outcome().map(Draft.Outcome::accepted).orElse(false))
                    .mapToDouble(d -> d.editRatio().orElse(0.0)).average().orElse(0);
            out.add(new DraftVersionStats(g.get(0).kind(), g.get(0).promptVersion(), asIs, edited, count(g, Draft.Outcome.DISCARDED),
                    count(g, Draft.Outcome.REGENERATED), meanRatio, (int) g.stream().filter(d -> d.fallback().isPresent()).count()));
        }
        return out;
    }

    private static int count(List<Draft> drafts, Draft.Outcome outcome) {
        return (int) drafts.stream().filter(d -> d.outcome().equals(Optional.of(outcome))).count();
    }

    /** The latest {@link #WINDOW} decisions' acceptance against the baseline before them, when it fell by {@link #DROP} or more. */
    public record Drop(double recent, double baseline, int decided) {
        public String describe() {
            return String.format(Locale.ROOT, "acceptance over the last %d decisions is %.0f%%, against %.0f%% before them.",
                    WINDOW, recent * 100, baseline * 100);
        }
    }

    public static Optional<Drop> acceptanceDrop(List<Draft> decidedOldestFirst) {
        int n = decidedOldestFirst.size();
        if (n < 2 * WINDOW) return Optional.empty();
        double baseline = acceptance(decidedOldestFirst.subList(0, n - WINDOW));
        double recent = acceptance(decidedOldestFirst.subList(n - WINDOW, n));
        return recent <= baseline - DROP ? Optional.of(new Drop(recent, baseline, n)) : Optional.empty();
    }

    private static double acceptance(List<Draft> drafts) {
        return drafts.isEmpty() ? 0 : (double) drafts.stream().filter(d -> d.outcome().map(Draft.Outcome::accepted).orElse(false)).count()
                / drafts.size();
    }
}
