package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.SlackEffect;

import java.util.List;

/** The usual shape of an applied change: events announced, card updated, topic refreshed when it shows them. */
final class Decisions {
    private Decisions() {
    }

    static Decision applied(CaseFile after, CaseEvent... events) {
        return new Decision.Applied(after, List.of(events), SlackEffect.forChange(after.id(), List.of(events)));
    }

    /** The refusal every change to a resolved case gets. */
    static Decision reopenFirst(Case c) {
        return new Decision.Rejected(c.id() + " is resolved; `/esc reopen` it first.");
    }

    static Decision rejected(String reason) {
        return new Decision.Rejected(reason);
    }
}
