package app.escalate.bot.render;

import app.escalate.commands.CommandParser;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.Views;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The form behind a sign-off request's Object…: the reason. Its metadata carries the case, the
 * channel and the request's message (as {@link FormTarget}), then the decision's number: ids, never state.
 */
public final class ObjectionForm {
    public static final String CALLBACK_ID = "object_to_decision";
    public static final String REASON = "reason";
    private static final Pattern METADATA = Pattern.compile("(.+)#(\\d{1,6})");

    private ObjectionForm() {
    }

    public static View view(FormTarget target, int decision) {
        return Views.view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(target.metadata() + "#" + decision)
                .title(viewTitle(t -> t.type("plain_text").text("Object to decision #" + decision)))
                .submit(viewSubmit(s -> s.type("plain_text").text("Object")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(input(i -> i.blockId(REASON).label(plainText("Why do you object?"))
                        .element(plainTextInput(p -> p.actionId(REASON).multiline(true).maxLength(CommandParser.MAX_NOTE_LENGTH)))))));
    }

    public static Optional<String> reason(Map<String, Map<String, ViewState.Value>> values) {
        return FormValues.value(values, REASON).map(ViewState.Value::getValue).map(String::strip).filter(t -> !t.isEmpty());
    }

    /** The form's target and the decision its metadata names; empty when it is not one we wrote. */
    public static Optional<Map.Entry<FormTarget, Integer>> target(String metadata) {
        if (metadata == null) return Optional.empty();
        Matcher m = METADATA.matcher(metadata);
        if (!m.matches()) return Optional.empty();
        return FormTarget.parse(m.group(1)).map(t -> Map.entry(t, Integer.parseInt(m.group(2))));
    }
}
