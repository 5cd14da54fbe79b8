package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;

import java.time.Instant;

/** {@code /esc reopen}: a resolved case goes back to investigating. */
final class ReopenCase implements CaseChange<CaseAction.Reopen> {
    private final Permissions permissions;

    ReopenCase(Permissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public Decision decide(CaseFile file, CaseAction.Reopen action, UserId actor, Instant now) {
        var c = file.details();
        if (c.isOpen()) return Decisions.rejected(c.id() + " is open (" + c.state().label() + ").");
        if (!permissions.maySteer(actor, c)) return Decisions.rejected(Permissions.onlySteerers("reopen a case"));
        Case reopened = c.reopened();
        return Decisions.applied(file.with(reopened), new CaseEvent(c.id(), now, actor,
                new EventData.Reopened(c.state(), reopened.state(), c.resolution().map(r -> r.text()).orElse(""))));
    }
}
