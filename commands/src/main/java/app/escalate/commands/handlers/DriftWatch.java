package app.escalate.commands.handlers;

import app.escalate.commands.AcceptanceDrift;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseStore;
import app.escalate.commands.DriftAlerts;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.TriageVerdict;
import app.escalate.config.Policy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

/**
 * After a verdict on AI triage or on a duplicate flag is recorded, tells the team channel when the
 * latest verdicts turned against the AI (see {@link AcceptanceDrift}), at most once per window: the
 * share of triage suggestions kept, and the share of duplicate flags judged right. Drafts are
 * watched the same way by {@code Drafts}.
 */
final class DriftWatch {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DriftWatch.class);
    static final String TRIAGE = "triage";
    static final String DUPLICATE_FLAGS = "duplicate-flags";

    private final CaseStore cases;
    private final DriftAlerts alerts;
    private final Policy policy;
    private final Clock clock;

    DriftWatch(CaseStore cases, DriftAlerts alerts, Policy policy, Clock clock) {
        this.cases = cases;
        this.alerts = alerts;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Looks again at whichever surface {@code recorded} (the events of a change just made) gave a
     * verdict on. The verdict is kept already: a fault here is logged, never answered as if the
     * verdict had failed, and the next verdict looks again.
     */
    void after(List<CaseEvent> recorded) {
        try {
            watchAfter(recorded);
        } catch (RuntimeException e) {
            log.warn("drift watch: could not look at the latest verdicts ({}); the next verdict looks again", e.toString());
        }
    }

    /** One surface watched: its memory's key, what its notice says of it, and the verdicts it reads, oldest first. */
    private record Watched(String key, String surface, String share, String advice, Set<CaseEvent.Kind> kinds,
                           java.util.function.Function<List<CaseEvent>, List<Boolean>> verdicts) {
        Optional<AcceptanceDrift.Drop> drop(CaseStore cases, Instant until) {
            return AcceptanceDrift.of(verdicts.apply(cases.events(Instant.EPOCH, until, kinds)));
        }

        String says(AcceptanceDrift.Drop drop) {
            return surface + drop.describe(share, "verdicts");
        }
    }

    private static final Watched TRIAGE_WATCH = new Watched(TRIAGE, "AI triage: ", "kept",
            "Check recent triage (/esc stats) and the rules or model in use.",
            Set.of(CaseEvent.Kind.TRIAGE_SUGGESTED, CaseEvent.Kind.TRIAGE_JUDGED), DriftWatch::triageKept);
    private static final Watched FLAGS_WATCH = new Watched(DUPLICATE_FLAGS, "Similar cases: ", "duplicate flags judged right",
            "Check recent flags (/esc stats) and the policy's similar.duplicate_threshold.",
            Set.of(CaseEvent.Kind.DUPLICATE_JUDGED), DriftWatch::flagsRight);

    /** The watched surfaces whose latest verdicts have turned against the AI now, as their notices say it (without the advice). */
    List<String> drifting() {
        Instant until = clock.instant().plusSeconds(1);
        List<String> out = new ArrayList<>();
        for (Watched w : List.of(TRIAGE_WATCH, FLAGS_WATCH)) w.drop(cases, until).ifPresent(d -> out.add(w.says(d)));
        return out;
    }

    private void watchAfter(List<CaseEvent> recorded) {
        Instant until = clock.instant().plusSeconds(1);
        if (recorded.stream().anyMatch(e -> e.data() instanceof EventData.TriageJudged j && j.verdict().onSuggestion())) watch(TRIAGE_WATCH, until);
        if (recorded.stream().anyMatch(e -> e.data() instanceof EventData.DuplicateJudged)) watch(FLAGS_WATCH, until);
    }

    private void watch(Watched w, Instant until) {
        AcceptanceDrift.Drop drop = w.drop(cases, until).orElse(null);
        if (drop == null || !AcceptanceDrift.due(drop, alerts.lastDriftAlertAt(w.key()))) return;
        alerts.driftAlert(w.key(), drop.decided(), clock.instant(), List.of(new SlackEffect.TeamNotice(policy.workspace().teamChannel(),
                w.says(drop) + " " + w.advice())));
    }

    /**
     * Per triage suggestion people have judged, in the order of their verdicts, whether it was kept:
     * accepted, or applied and not undone (counted when it was applied). Suggestions still waiting,
     * and verdicts on field values alone, count in none; as in {@code TriageStats}.
     */
    static List<Boolean> triageKept(List<CaseEvent> oldestFirst) {
        Map<CaseId, CaseEvent> verdicts = new HashMap<>();
        for (CaseEvent e : oldestFirst) {
            e.as(EventData.TriageJudged.class).filter(j -> j.verdict().onSuggestion()).ifPresent(j -> verdicts.put(e.caseId(), e));
        }
        Map<CaseId, Decided> decided = new LinkedHashMap<>();
        for (CaseEvent e : oldestFirst) {
            if (!(e.data() instanceof EventData.TriageSuggested s)) continue;
            CaseEvent verdict = verdicts.get(e.caseId());
            if (verdict != null) {
                boolean kept = ((EventData.TriageJudged) verdict.data()).verdict() == TriageVerdict.ACCEPTED;
                decided.put(e.caseId(), new Decided(verdict.at(), kept));
            } else if (s.applied()) {
                decided.put(e.caseId(), new Decided(e.at(), true));
            }
        }
        List<Decided> inOrder = new ArrayList<>(decided.values());
        inOrder.sort(Comparator.comparing(Decided::at)); // stable: the timeline's order among equal times
        return inOrder.stream().map(Decided::kept).toList();
    }

    /** Per duplicate flag people have judged, oldest verdict first, whether it was right (the cases were merged). */
    static List<Boolean> flagsRight(List<CaseEvent> oldestFirst) {
        return oldestFirst.stream().flatMap(e -> e.as(EventData.DuplicateJudged.class).stream()).map(EventData.DuplicateJudged::confirmed).toList();
    }

    private record Decided(Instant at, boolean kept) {
    }
}
