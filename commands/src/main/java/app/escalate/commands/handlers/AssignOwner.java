package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /esc owner @user}: sets the accountable owner and brings them into the channel. */
final class AssignOwner implements CaseChange<CaseAction.SetOwner> {
    private final Permissions permissions;

    AssignOwner(Permissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public Decision decide(CaseFile file, CaseAction.SetOwner action, UserId actor, Instant now) {
        var c = file.details();
        UserId owner = action.owner();
        if (!c.isOpen()) return Decisions.reopenFirst(c);
        if (!permissions.maySteer(actor, c)) return Decisions.rejected(Permissions.onlySteerers("set the owner"));
        if (c.owner().equals(Optional.of(owner))) return Decisions.rejected("They already own " + c.id() + ".");
        CaseEvent event = new CaseEvent(c.id(), now, actor, new EventData.OwnerChanged(c.owner(), owner));
        List<SlackEffect> effects = new ArrayList<>();
        effects.add(new SlackEffect.InviteToChannel(c.id(), List.of(owner)));
        effects.addAll(SlackEffect.forChange(c.id(), List.of(event)));
        return new Decision.Applied(file.with(c.withOwner(owner)).withMember(owner), List.of(event), effects);
    }
}
