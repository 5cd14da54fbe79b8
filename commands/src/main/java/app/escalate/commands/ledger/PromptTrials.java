package app.escalate.commands.ledger;

import app.escalate.commands.AiLedgerReport;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.EventData;
import app.escalate.commands.TriageStats;
import app.escalate.commands.TrialAnswer;
import app.escalate.commands.triage.PolicyReplay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The triage prompt on trial against the live one, from the suggestions that carry both answers:
 * how often they agree, and on the cases people decided, which got the type and severity right.
 */
public final class PromptTrials {
    private PromptTrials() {
    }

    /** {@code decided}: what people left each decided case as; a case missing from it is not decided yet. */
    public static List<AiLedgerReport.PromptTrial> of(List<CaseEvent> events, Map<CaseId, PolicyReplay.Decided> decided) {
        Map<String, int[]> counts = new TreeMap<>();
        for (CaseEvent e : events) {
            if (!(e.data() instanceof EventData.TriageSuggested s) || s.shadowPrompt().isEmpty()) continue;
            TrialAnswer trial = s.shadowPrompt().get();
            int[] c = counts.computeIfAbsent(trial.promptVersion() + "|" + TriageStats.version(s), k -> new int[5]);
            PolicyReplay.Decided live = new PolicyReplay.Decided(s.suggestion().typeId(), s.suggestion().severity().value());
            PolicyReplay.Decided shadow = new PolicyReplay.Decided(trial.typeId(), trial.severity().value());
            c[0]++;
            if (live.equals(shadow)) c[1]++;
            Optional<PolicyReplay.Decided> people = Optional.ofNullable(decided.get(e.caseId()));
            if (people.isEmpty()) continue;
            c[2]++;
            if (people.get().equals(live)) c[3]++;
            if (people.get().equals(shadow)) c[4]++;
        }
        List<AiLedgerReport.PromptTrial> out = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] k = key.split("\\|", 2);
            out.add(new AiLedgerReport.PromptTrial(k[0], k[1], c[0], c[1], c[2], c[3], c[4]));
        });
        return out;
    }
}
