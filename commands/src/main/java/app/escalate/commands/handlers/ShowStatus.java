package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseNotFound;
import app.escalate.commands.CaseStore;
import app.escalate.commands.EscCommand;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /esc status}: the card of the case named or of this channel's case; elsewhere the open
 * cases. Restricted cases are shown only to their members.
 */
public final class ShowStatus {
    /** Enough to scan on a phone at 3 a.m.; the rest are counted. */
    public static final int LIST_LIMIT = 15;

    private final CaseStore cases;

    public ShowStatus(CaseStore cases) {
        this.cases = cases;
    }

    public Reply handle(EscCommand.Status command, Invocation by) {
        Optional<Case> here = cases.findByChannel(by.channel());
        Optional<CaseId> target = command.caseId().or(() -> here.map(Case::id));
        if (target.isPresent()) {
            CaseId id = target.get();
            Optional<CaseFile> file = cases.file(id);
            if (file.isEmpty()) return new Reply.Refusal(CaseNotFound.message(id));
            boolean inItsChannel = here.map(c -> c.id().equals(id)).orElse(false);
            if (!inItsChannel && !file.get().visibleTo(by.user())) return new Reply.Refusal(CaseNotFound.message(id));
            return new Reply.CaseCard(file.get());
        }
        Set<CaseId> memberOf = cases.casesWithMember(by.user());
        List<Case> open = cases.openCases().stream()
                .filter(c -> !c.restricted() || memberOf.contains(c.id()))
                .toList();
        return new Reply.CaseList(open.subList(0, Math.min(LIST_LIMIT, open.size())), open.size());
    }
}
