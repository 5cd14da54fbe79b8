package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;
import app.escalate.commands.fields.FieldValue;
import app.escalate.commands.fields.TypeFields;
import app.escalate.config.CaseField;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code /esc set <field> <value>}: one of the facts the case's type carries. Like a note, anyone
 * on the case may record one; each value is read as its field takes it, and a bad one changes
 * nothing. With no field named, the answer lists the type's fields.
 */
final class SetField implements CaseChange<CaseAction.SetField> {
    private final Policy policy;

    SetField(Policy policy) {
        this.policy = policy;
    }

    @Override
    public Decision decide(CaseFile file, CaseAction.SetField action, UserId actor, Instant now) {
        var c = file.details();
        Optional<CaseType> type = c.caseType().flatMap(policy::caseType);
        if (type.isEmpty()) return Decisions.rejected(c.id() + " has no case type yet, and its fields come with its type.");
        if (action.field().isEmpty()) return Decisions.rejected(TypeFields.usage(type.get()));
        Optional<CaseField> field = type.get().field(action.field().get());
        if (field.isEmpty()) {
            return Decisions.rejected("`" + SlackText.clip(SlackText.plain(action.field().get()).replace("`", "'"), 40) + "` is not a field of " + type.get().label() + ". "
                    + TypeFields.usage(type.get()));
        }
        CaseField f = field.get();
        FieldValue.Read read = FieldValue.read(f, action.value());
        if (read instanceof FieldValue.Refused refused) return Decisions.rejected(refused.why());
        String value = ((FieldValue.Value) read).value();
        Optional<String> before = file.field(f.id());
        if (before.equals(Optional.of(value))) return Decisions.rejected(f.label() + " of " + c.id() + " is already that.");
        return Decisions.applied(file.withField(f.id(), value), new CaseEvent(c.id(), now, actor, new EventData.FieldSet(f.id(), f.label(),
                before, value)));
    }
}
