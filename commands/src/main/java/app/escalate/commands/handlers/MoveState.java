package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;
import app.escalate.commands.fields.RequiredFields;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /esc state <state>}: only legal moves, and only with the fields the new state needs; a
 * refusal names the legal next states or the missing fields.
 */
final class MoveState implements CaseChange<CaseAction.MoveTo> {
    private final Policy policy;
    private final Permissions permissions;

    MoveState(Policy policy, Permissions permissions) {
        this.policy = policy;
        this.permissions = permissions;
    }

    @Override
    public Decision decide(CaseFile file, CaseAction.MoveTo action, UserId actor, Instant now) {
        var c = file.details();
        if (!c.isOpen()) return Decisions.reopenFirst(c);
        if (!permissions.maySteer(actor, c)) return Decisions.rejected(Permissions.onlySteerers("change the state"));
        if (action.to() == c.state()) return Decisions.rejected(c.id() + " is already " + c.state().label() + ".");
        if (!c.state().canMoveTo(action.to())) {
            return Decisions.rejected("A case in " + c.state().label() + " cannot move to " + action.to().label()
                    + ". From here: " + c.state().next().stream().map(s -> "`" + s.label() + "`").collect(Collectors.joining(", "))
                    + ", or `/esc resolve <resolution>`.");
        }
        Optional<String> needs = RequiredFields.refusal(policy, file, action.to(), "move to " + action.to().label());
        if (needs.isPresent()) return Decisions.rejected(needs.get());
        return Decisions.applied(file.with(c.withState(action.to())), new CaseEvent(c.id(), now, actor,
                new EventData.StateChanged(c.state(), action.to())));
    }
}
