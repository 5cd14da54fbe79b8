package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.Severity;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;

import java.time.Instant;

/** {@code /esc sev <1-4> [reason]}: a downgrade from SEV1 or SEV2 must say why. */
final class ChangeSeverity implements CaseChange<CaseAction.SetSeverity> {
    private final Permissions permissions;

    ChangeSeverity(Permissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public Decision decide(CaseFile file, CaseAction.SetSeverity action, UserId actor, Instant now) {
        var c = file.details();
        Severity to = action.to();
        if (!c.isOpen()) return Decisions.reopenFirst(c);
        if (!permissions.maySteer(actor, c)) return Decisions.rejected(Permissions.onlySteerers("change severity"));
        if (to == c.severity()) return Decisions.rejected(c.id() + " is already " + to + ".");
        boolean downgrade = to.compareTo(c.severity()) > 0;
        if (downgrade && c.severity().compareTo(Severity.SEV2) <= 0 && action.reason().isEmpty()) {
            return Decisions.rejected("Lowering a " + c.severity() + " needs a reason: `/esc sev " + to.level()
                    + " because <reason>`.");
        }
        return Decisions.applied(file.with(c.withSeverity(to)), new CaseEvent(c.id(), now, actor,
                new EventData.SeverityChanged(c.severity(), to, action.reason())));
    }
}
