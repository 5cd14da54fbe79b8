package app.escalate.commands.paging;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.Severity;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a change to a case means for its pages, whichever way it was made (a command, a card's
 * button): acknowledged, the rotation's pages stop and their pagers hear acknowledge; resolved,
 * every page stops and every pager still holding an incident hears resolve; raised to SEV1, pages
 * waiting out quiet hours go now.
 */
public final class PageStops {
    private final PageSteps steps;

    public PageStops(Policy policy) {
        this.steps = new PageSteps(policy);
    }

    public Decision after(Decision decision, Instant now) {
        if (!(decision instanceof Decision.Applied applied)) return decision;
        CaseFile file = applied.after();
        PageSteps.Out out = new PageSteps.Out(new ArrayList<>(applied.events()), new ArrayList<>(applied.effects()));
        for (CaseEvent e : applied.events()) {
            if (e.kind() == CaseEvent.Kind.ACKNOWLEDGED) file = steps.caseAcknowledged(file, now, out);
            if (e.kind() == CaseEvent.Kind.RESOLVED) file = steps.caseResolved(file, now, out);
            if (e.data() instanceof EventData.SeverityChanged s && s.to() == Severity.SEV1) file = steps.severityRaised(file, now, out);
        }
        if (file == applied.after()) return decision;
        return new Decision.Applied(file, List.copyOf(out.events()), List.copyOf(out.effects()));
    }
}
