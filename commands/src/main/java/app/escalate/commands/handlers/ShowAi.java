package app.escalate.commands.handlers;

import app.escalate.commands.AiLedgerReport;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseStore;
import app.escalate.commands.DraftKind;
import app.escalate.commands.EscCommand;
import app.escalate.commands.EventData;
import app.escalate.commands.Reply;
import app.escalate.commands.ledger.AiLedger;
import app.escalate.commands.ledger.PromptTrials;
import app.escalate.commands.summary.Draft;
import app.escalate.commands.summary.DraftStats;
import app.escalate.commands.summary.DraftStore;
import app.escalate.commands.triage.PolicyReplay;
import app.escalate.config.Policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /esc ai [7d|30d|90d]}: the team's AI per surface and version, and which surfaces' verdicts
 * have turned against it (as the drift alerts judge, over all verdicts). Counts and labels only:
 * no case is named.
 */
public final class ShowAi {
    private final CaseStore cases;
    private final DriftWatch drift;
    private final DraftStore drafts;
    private final Policy policy;
    private final Clock clock;

    ShowAi(CaseStore cases, DraftStore drafts, DriftWatch drift, Policy policy, Clock clock) {
        this.drift = drift;
        this.cases = cases;
        this.drafts = drafts;
        this.policy = policy;
        this.clock = clock;
    }

    public Reply handle(EscCommand.AiLedger command) {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(command.days()));
        List<Draft> decided = new ArrayList<>();
        List<String> drifting = new ArrayList<>();
        for (DraftKind kind : DraftKind.values()) {
            List<Draft> ofKind = drafts.decided(kind);
            decided.addAll(ofKind);
            DraftStats.acceptanceDrop(ofKind).ifPresent(d -> drifting.add(kind.label() + " drafts: " + d.describe()));
        }
        drifting.addAll(drift.drifting());
        Instant until = now.plusMillis(1);
        List<CaseEvent> events = cases.events(from, until, AiLedger.KINDS);
        return new Reply.AiLedger(AiLedger.of(command.days(), from, decided, events, policy.triage(), promptTrials(events), drifting));
    }

    /** The prompt on trial against the live one, judged on the cases people decided (as they left them). */
    private List<AiLedgerReport.PromptTrial> promptTrials(List<CaseEvent> events) {
        Map<CaseId, PolicyReplay.Decided> decided = new HashMap<>();
        for (CaseEvent e : events) {
            if (!(e.data() instanceof EventData.TriageSuggested s) || s.shadowPrompt().isEmpty()) continue;
            cases.file(e.caseId()).flatMap(f -> PolicyReplay.seen(f, cases.timeline(e.caseId())).decided())
                    .ifPresent(d -> decided.put(e.caseId(), d));
        }
        return PromptTrials.of(events, decided);
    }
}
