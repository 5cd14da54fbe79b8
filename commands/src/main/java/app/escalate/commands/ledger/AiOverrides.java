package app.escalate.commands.ledger;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.DraftKind;
import app.escalate.commands.AiOverride;
import app.escalate.commands.EventData;
import app.escalate.commands.TriageStats;
import app.escalate.commands.SlackText;
import app.escalate.commands.TriageVerdict;
import app.escalate.commands.summary.Draft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A case's overrides of the AI, from its drafts and timeline, each with its latest tag: drafts
 * discarded or posted edited, a triage suggestion changed, dismissed or undone (its last verdict
 * on the suggestion itself), and each question its decision tree was marked wrong at; oldest first. Pure: the caller reads the drafts and the timeline.
 */
public final class AiOverrides {
    /** Characters of a runbook question an override names: enough to know it, short enough for a message. */
    static final int QUESTION = 200;

    private AiOverrides() {
    }

    public static List<AiOverride> of(CaseId id, List<Draft> drafts, List<CaseEvent> timeline) {
        List<AiOverride> out = new ArrayList<>();
        for (Draft d : drafts) {
            if (!d.caseId().equals(id)) continue;
            Optional<String> what = d.outcome().flatMap(o -> switch (o) {
                case DISCARDED -> Optional.of("discarded the " + d.kind().noun() + " draft " + d.id());
                case EDITED -> Optional.of("edited the " + d.kind().noun() + " draft " + d.id() + " before posting it");
                default -> Optional.empty();
            });
            what.ifPresent(w -> out.add(new AiOverride(AiOverride.draft(d.id()), surface(d.kind()), w, d.promptVersion(), Optional.empty(),
                    Optional.empty(), d.decidedAt().orElse(d.createdAt()))));
        }
        triage(timeline).ifPresent(out::add);
        // A tree marked wrong twice at one question is one override.
        Map<String, AiOverride> flagged = new java.util.LinkedHashMap<>();
        for (CaseEvent e : timeline) {
            e.as(EventData.RunbookFlagged.class).ifPresent(f -> flagged.putIfAbsent(f.questionId(), new AiOverride(AiOverride.runbook(f.questionId()),
                    AiOverride.RUNBOOK, "marked the runbook's decision tree wrong at \"" + SlackText.clip(f.ask(), QUESTION) + "\"",
                    treeVersion(f.caseType()), Optional.empty(), Optional.empty(), e.at())));
        }
        out.addAll(flagged.values());
        Map<String, String> tags = tags(timeline);
        return out.stream().map(o -> o.tagged(Optional.ofNullable(tags.get(o.subject()))))
                .sorted(java.util.Comparator.comparing(AiOverride::at)).toList();
    }

    /** The surface a draft kind belongs to, as {@code /esc ai} and the tags name it. */
    public static String surface(DraftKind kind) {
        return kind == DraftKind.RCA ? "rca" : "summary";
    }

    /** The latest tag of each subject, by failure mode id. */
    public static Map<String, String> tags(List<CaseEvent> timeline) {
        Map<String, String> tags = new HashMap<>();
        for (CaseEvent e : timeline) e.as(EventData.FailureTagged.class).ifPresent(t -> tags.put(t.subject(), t.mode()));
        return tags;
    }

    private static Optional<AiOverride> triage(List<CaseEvent> timeline) {
        EventData.TriageSuggested suggested = null;
        TriageVerdict verdict = null;
        java.time.Instant at = null;
        for (CaseEvent e : timeline) {
            if (e.data() instanceof EventData.TriageSuggested s) suggested = s;
            if (e.data() instanceof EventData.TriageJudged j && j.verdict().onSuggestion()) {
                verdict = j.verdict();
                at = e.at();
            }
        }
        if (suggested == null || verdict == null || !verdict.overrides()) return Optional.empty();
        return Optional.of(new AiOverride(AiOverride.TRIAGE, AiOverride.TRIAGE, verdict.verb() + " the triage suggestion",
                TriageStats.version(suggested), suggested.rule(), Optional.empty(), at));
    }

    /** The version a decision tree's tags are kept with: the type whose tree it is. */
    public static String treeVersion(String caseType) {
        return caseType + " tree";
    }

}
