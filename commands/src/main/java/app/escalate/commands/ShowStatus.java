package app.escalate.commands;

import java.util.List;

/** {@code /esc status}: the card of the case named or of this channel's case; elsewhere the open cases. */
public final class ShowStatus {
    /** Enough to scan on a phone at 3 a.m.; the rest are counted. */
    public static final int LIST_LIMIT = 15;

    private final CaseStore cases;

    public ShowStatus(CaseStore cases) {
        this.cases = cases;
    }

    public Reply handle(EscCommand.Status command, Invocation by) {
        if (command.caseId().isPresent()) {
            CaseId id = command.caseId().get();
            return cases.find(id)
                    .<Reply>map(Reply.CaseCard::new)
                    .orElseGet(() -> new Reply.Refusal("There is no case " + id + "."));
        }
        return cases.findByChannel(by.channel())
                .<Reply>map(Reply.CaseCard::new)
                .orElseGet(() -> {
                    List<Case> open = cases.openCases();
                    return new Reply.CaseList(open.subList(0, Math.min(LIST_LIMIT, open.size())), open.size());
                });
    }
}
