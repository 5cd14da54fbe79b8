package app.escalate.bot.render;

import app.escalate.commands.summary.Draft;
import app.escalate.commands.summary.Drafts;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.Views;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** The Edit form, prefilled with the draft; submitting posts the edited text. Its metadata is the draft id only. */
public final class EditDraftForm {
    public static final String CALLBACK_ID = "draft_edit_form";
    public static final String TEXT = "text";

    private EditDraftForm() {
    }

    public static View view(Draft d) {
        return Views.view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(Long.toString(d.id()))
                .title(viewTitle(t -> t.type("plain_text").text("Edit the " + (d.kind().id().equals("rca") ? "write-up" : "summary"))))
                .submit(viewSubmit(s -> s.type("plain_text").text("Approve & post")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        context(c -> c.elements(List.of(markdownText("Posting sends it to the case channel"
                                + (d.kind().id().equals("rca") ? "." : " and, unless the case is restricted, to leadership."))))),
                        input(i -> i.blockId(TEXT).label(plainText(d.caseId().toString()))
                                .element(plainTextInput(p -> p.actionId(TEXT).multiline(true).maxLength(Drafts.MAX_POSTED_LENGTH)
                                        .initialValue(d.text().length() > Drafts.MAX_POSTED_LENGTH
                                                ? d.text().substring(0, Drafts.MAX_POSTED_LENGTH) : d.text())))))));
    }

    public static Optional<Long> draftId(String metadata) {
        return metadata != null && metadata.matches("\\d{1,12}") ? Optional.of(Long.parseLong(metadata)) : Optional.empty();
    }

    public static Optional<String> text(Map<String, Map<String, ViewState.Value>> values) {
        return Optional.ofNullable(values).map(v -> v.get(TEXT)).map(b -> b.get(TEXT)).map(ViewState.Value::getValue)
                .map(String::strip).filter(t -> !t.isEmpty());
    }
}
