package app.escalate.bot.render;

import app.escalate.commands.fields.FieldValue;
import app.escalate.config.CaseField;
import app.escalate.config.CaseType;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.ViewState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datetimePicker;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.numberInput;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.urlTextInput;
import static com.slack.api.model.block.element.BlockElements.usersSelect;

/**
 * A case type's fields as inputs of the open form, each with the element Slack offers for its kind
 * (a number, a link, a date and time, a person, one or several options), and reading them back into
 * the values a case keeps. A field needed from the start ({@code required_by: open}) is not optional.
 */
final class FieldInputs {
    /** Block and action ids of a field's input: {@code field_<id>}. */
    static final String PREFIX = "field_";

    private FieldInputs() {
    }

    static List<LayoutBlock> blocks(CaseType type) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (CaseField f : type.fields()) {
            String id = PREFIX + f.id();
            BlockElement element = element(f, id);
            boolean required = f.required().filter(s -> s == CaseField.Stage.OPEN).isPresent();
            blocks.add(input(i -> i.blockId(id).optional(!required).label(plainText(f.label())).element(element)
                    .hint(f.helpText().map(h -> plainText(h)).orElse(null))));
        }
        return blocks;
    }

    private static BlockElement element(CaseField f, String id) {
        return switch (f.kind()) {
            case TEXT -> plainTextInput(p -> p.actionId(id).maxLength(FieldValue.MAX_TEXT));
            case LONG_TEXT -> plainTextInput(p -> p.actionId(id).multiline(true).maxLength(FieldValue.MAX_LONG_TEXT));
            case NUMBER -> numberInput(n -> n.actionId(id).decimalAllowed(true).minValue("0"));
            case URL -> urlTextInput(u -> u.actionId(id));
            case CHOICE -> staticSelect(s -> s.actionId(id).options(options(f)));
            case CHOICES -> multiStaticSelect(s -> s.actionId(id).options(options(f)));
            case DATETIME -> datetimePicker(d -> d.actionId(id));
            case USER -> usersSelect(u -> u.actionId(id));
        };
    }

    private static List<OptionObject> options(CaseField f) {
        return f.options().stream().map(o -> option(plainText(o), o)).toList();
    }

    /** The values filled in (as a case keeps them), and what is wrong beside each field that cannot be taken. */
    record Read(Map<String, String> fields, Map<String, String> errors) {
    }

    static Read read(CaseType type, Map<String, Map<String, ViewState.Value>> values) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (CaseField f : type.fields()) {
            String id = PREFIX + f.id();
            Optional<String> given = FormValues.value(values, id).flatMap(v -> given(f, v));
            if (given.isEmpty()) {
                if (f.required().filter(s -> s == CaseField.Stage.OPEN).isPresent()) errors.put(id, "A " + type.label() + " needs this from the start.");
                continue;
            }
            if (f.kind() == CaseField.Kind.DATETIME || f.kind() == CaseField.Kind.USER || f.kind() == CaseField.Kind.CHOICE) {
                // Picked, not typed: checked as kept.
                if (FieldValue.holds(f, given.get())) fields.put(f.id(), given.get());
                else errors.put(id, FieldValue.hint(f) + ", please.");
                continue;
            }
            FieldValue.Read read = FieldValue.read(f, given.get());
            if (read instanceof FieldValue.Value v) fields.put(f.id(), v.value());
            else errors.put(id, ((FieldValue.Refused) read).why().replace("`", ""));
        }
        return new Read(fields, errors);
    }

    /** What the input holds, in the form {@link FieldValue#read} takes it (or, for what is picked, as kept); empty when nothing. */
    private static Optional<String> given(CaseField f, ViewState.Value v) {
        return switch (f.kind()) {
            case CHOICE -> Optional.ofNullable(v.getSelectedOption()).map(ViewState.SelectedOption::getValue);
            case CHOICES -> Optional.ofNullable(v.getSelectedOptions()).filter(o -> !o.isEmpty())
                    .map(o -> String.join(",", o.stream().map(ViewState.SelectedOption::getValue).toList()));
            case DATETIME -> Optional.ofNullable(v.getSelectedDateTime()).map(s -> Instant.ofEpochSecond(s).toString());
            case USER -> Optional.ofNullable(v.getSelectedUser());
            default -> Optional.ofNullable(v.getValue()).map(String::strip).filter(s -> !s.isEmpty());
        };
    }
}
