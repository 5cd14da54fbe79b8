package app.escalate.commands.summary;

import app.escalate.commands.AcceptanceDrift;
import app.escalate.commands.DraftVersionStats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How drafts fare with reviewers, per prompt version; and whether acceptance has dropped. */
public final class DraftStats {
    /** Acceptance is watched over this many latest decisions, against all decisions before them. */
    public static final int WINDOW = AcceptanceDrift.WINDOW;
    /** "Well below": this many percentage points under the baseline. */
    public static final double DROP = AcceptanceDrift.DROP;

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
            return new AcceptanceDrift.Drop(recent, baseline, decided).describe("acceptance", "decisions");
        }
    }

    public static Optional<Drop> acceptanceDrop(List<Draft> decidedOldestFirst) {
        return AcceptanceDrift.of(decidedOldestFirst.stream().map(d -> d.outcome().map(Draft.Outcome::accepted).orElse(false)).toList())
                .map(d -> new Drop(d.recent(), d.baseline(), d.decided()));
    }
}
