package app.escalate.commands.handlers;

import app.escalate.commands.CaseStore;
import app.escalate.commands.DraftKind;
import app.escalate.commands.EscCommand;
import app.escalate.commands.Reply;
import app.escalate.commands.ledger.AiLedger;
import app.escalate.commands.summary.Draft;
import app.escalate.commands.summary.DraftStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code /esc ai [7d|30d|90d]}: the team's AI per surface and version. Counts and labels only: no case is named. */
public final class ShowAi {
    private final CaseStore cases;
    private final DraftStore drafts;
    private final Clock clock;

    public ShowAi(CaseStore cases, DraftStore drafts, Clock clock) {
        this.cases = cases;
        this.drafts = drafts;
        this.clock = clock;
    }

    public Reply handle(EscCommand.AiLedger command) {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(command.days()));
        List<Draft> decided = new ArrayList<>();
        for (DraftKind kind : DraftKind.values()) decided.addAll(drafts.decided(kind));
        return new Reply.AiLedger(AiLedger.of(command.days(), from, decided, cases.events(from, now.plusMillis(1), AiLedger.KINDS)));
    }
}
