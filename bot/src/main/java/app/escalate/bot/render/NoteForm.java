package app.escalate.bot.render;

import app.escalate.commands.CommandParser;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.Views;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** The "Add note" form behind the card's button; its metadata carries the case and the channel, never state. */
public final class NoteForm {
    public static final String CALLBACK_ID = "add_note";
    public static final String NOTE = "note";

    private NoteForm() {
    }

    public static View view(FormTarget target) {
        return Views.view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(target.metadata())
                .title(viewTitle(t -> t.type("plain_text").text("Add a note to " + target.caseId())))
                .submit(viewSubmit(s -> s.type("plain_text").text("Add")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(input(i -> i.blockId(NOTE).label(plainText("Note"))
                        .element(plainTextInput(p -> p.actionId(NOTE).multiline(true).maxLength(CommandParser.MAX_NOTE_LENGTH)))))));
    }

    public static Optional<String> note(Map<String, Map<String, ViewState.Value>> values) {
        return FormValues.value(values, NOTE).map(ViewState.Value::getValue)
                .map(String::strip).filter(t -> !t.isEmpty());
    }
}
