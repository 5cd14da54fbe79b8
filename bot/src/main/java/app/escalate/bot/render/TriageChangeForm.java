package app.escalate.bot.render;

import app.escalate.commands.CaseId;
import app.escalate.commands.Severity;
import app.escalate.commands.TriageState;
import app.escalate.config.Policy;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.Views;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** "Change…" on a held triage suggestion: the type and severity the person settles on, starting from the suggestion's. */
public final class TriageChangeForm {
    public static final String CALLBACK_ID = "triage_change";
    public static final String TYPE = "type";
    public static final String SEVERITY = "severity";

    private TriageChangeForm() {
    }

    public static View view(FormTarget target, Optional<TriageState> state, Policy policy) {
        CaseId id = target.caseId();
        List<OptionObject> types = policy.caseTypes().stream().map(t -> option(plainText(t.label()), t.id())).toList();
        List<OptionObject> severities = Arrays.stream(Severity.values()).map(s -> option(plainText(s.name()), s.name())).toList();
        Optional<OptionObject> type = state.flatMap(TriageState::type).flatMap(t -> types.stream().filter(o -> o.getValue().equals(t)).findFirst());
        Optional<OptionObject> severity = state.map(TriageState::severity)
                .flatMap(s -> severities.stream().filter(o -> o.getValue().equals(s.name())).findFirst());
        return Views.view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(target.metadata())
                .title(viewTitle(t -> t.type("plain_text").text("Triage " + id)))
                .submit(viewSubmit(s -> s.type("plain_text").text("Apply")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        input(i -> i.blockId(TYPE).label(plainText("Case type")).optional(true)
                                .element(staticSelect(s -> s.actionId(TYPE).options(types).initialOption(type.orElse(null))))),
                        input(i -> i.blockId(SEVERITY).label(plainText("Severity"))
                                .element(staticSelect(s -> s.actionId(SEVERITY).options(severities).initialOption(severity.orElse(null))))))));
    }

    /** The type chosen, if any, when it is one of the policy's. */
    public static Optional<String> type(Map<String, Map<String, ViewState.Value>> values, Policy policy) {
        return selected(values, TYPE).filter(t -> policy.caseType(t).isPresent());
    }

    public static Optional<Severity> severity(Map<String, Map<String, ViewState.Value>> values) {
        return selected(values, SEVERITY).flatMap(Severity::parse);
    }

    private static Optional<String> selected(Map<String, Map<String, ViewState.Value>> values, String block) {
        return FormValues.value(values, block).map(ViewState.Value::getSelectedOption)
                .map(ViewState.SelectedOption::getValue);
    }
}
