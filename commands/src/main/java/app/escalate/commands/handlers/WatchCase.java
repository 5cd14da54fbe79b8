package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.UserId;
import app.escalate.commands.Watch;
import app.escalate.commands.access.Permissions;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code /esc watch} · {@code /esc watch off}: flag the case for the next shift's and the
 * weekend's handoff digests, or take the flag off. For anyone working the case.
 */
final class WatchCase implements CaseChange<CaseAction.Watch> {
    private final Permissions permissions;

    WatchCase(Permissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public Decision decide(CaseFile file, CaseAction.Watch action, UserId actor, Instant now) {
        var c = file.details();
        if (!c.isOpen()) return Decisions.reopenFirst(c);
        if (!permissions.mayWorkOn(actor, file)) {
            return Decisions.rejected("Only people working " + c.id() + " (its members, owner, the on-call or `responders`) can flag it.");
        }
        if (action.on() == file.watch().isPresent()) {
            return Decisions.rejected(action.on() ? c.id() + " is already on the watch list for the next handoff."
                    : c.id() + " is not on the watch list.");
        }
        CaseEvent event = new CaseEvent(c.id(), now, actor, action.on() ? new EventData.Watched() : new EventData.Unwatched());
        return Decisions.applied(file.withWatch(action.on() ? Optional.of(new Watch(actor, now)) : Optional.empty()), event);
    }
}
