package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@code /esc ack}: the responder takes the page; records who and when, once. */
final class AcknowledgeCase implements CaseChange<CaseAction.Acknowledge> {
    private final Permissions permissions;

    AcknowledgeCase(Permissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public Decision decide(CaseFile file, CaseAction.Acknowledge action, UserId actor, Instant now) {
        var c = file.details();
        if (!c.isOpen()) return Decisions.reopenFirst(c);
        if (c.acknowledged().isPresent()) {
            return Decisions.rejected(c.id() + " was already acknowledged.");
        }
        if (!permissions.maySteer(actor, c)) return Decisions.rejected(Permissions.onlySteerers("acknowledge a case"));
        return Decisions.applied(file.with(c.acknowledgedBy(actor, now)),
                new CaseEvent(c.id(), now, actor, new EventData.Acknowledged(Optional.of(Duration.between(c.openedAt(), now)))));
    }
}
