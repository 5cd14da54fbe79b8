package app.escalate.bot.render;

import app.escalate.commands.Ids;
import app.escalate.commands.SlackText;
import app.escalate.commands.summary.Draft;
import app.escalate.commands.summary.Drafts;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.Views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The Edit (or, for a draft with findings, Review & post) form, prefilled with the draft;
 * submitting posts the text. Each finding of the checks has a box: tick it to let it stand,
 * with a reason, or correct the text. Its metadata is the draft id only.
 */
public final class EditDraftForm {
    public static final String CALLBACK_ID = "draft_edit_form";
    public static final String TEXT = "text";
    public static final String WHY = "why";
    private static final String FINDING = "finding_";
    /** Slack's limit for an input block's label. */
    private static final int LABEL = 2_000;
    /** Slack allows 100 blocks in a view; a draft never has this many findings, but the form stays valid if one did. */
    private static final int MAX_FINDINGS = 40;

    private EditDraftForm() {
    }

    public static View view(Draft d) {
        boolean rca = d.kind().id().equals("rca");
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(c -> c.elements(List.of(markdownText("Posting sends it to the case channel"
                + (rca ? "." : " and, unless the case is restricted, to leadership when the owner, the on-call or `responders` "
                + "approve it."))))));
        blocks.add(input(i -> i.blockId(TEXT).label(plainText(d.caseId().toString()))
                .element(plainTextInput(p -> p.actionId(TEXT).multiline(true).maxLength(Drafts.MAX_POSTED_LENGTH)
                        .initialValue(SlackText.head(d.text(), Drafts.MAX_POSTED_LENGTH))))));
        List<String> findings = open(d);
        for (int n = 0; n < findings.size(); n++) {
            String id = FINDING + n;
            String finding = findings.get(n);
            blocks.add(input(i -> i.blockId(id).optional(true).label(plainText(SlackText.clip("Check found: " + finding, LABEL)))
                    .element(checkboxes(c -> c.actionId(id).options(List.of(option(plainText("I checked it: it may stand as written"), id)))))));
        }
        if (!findings.isEmpty()) {
            blocks.add(input(i -> i.blockId(WHY).optional(true).label(plainText("Why the ticked findings may stand (kept with the post)"))
                    .element(plainTextInput(p -> p.actionId(WHY).maxLength(Drafts.MAX_WHY_LENGTH)))));
        }
        return Views.view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(Long.toString(d.id()))
                .title(viewTitle(t -> t.type("plain_text").text((findings.isEmpty() ? "Edit the " : "Review the ") + (rca ? "write-up" : "summary"))))
                .submit(viewSubmit(s -> s.type("plain_text").text("Approve & post")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    public static Optional<Long> draftId(String metadata) {
        return Ids.positive(metadata);
    }

    public static Optional<String> text(Map<String, Map<String, ViewState.Value>> values) {
        return FormValues.value(values, TEXT).map(ViewState.Value::getValue).map(String::strip).filter(t -> !t.isEmpty());
    }

    /** The findings of {@code d} whose boxes are ticked, with the reason given, if any box is. */
    public static Optional<Draft.Confirmation> confirmation(Draft d, Map<String, Map<String, ViewState.Value>> values) {
        List<String> findings = open(d);
        List<String> ticked = new ArrayList<>();
        for (int n = 0; n < findings.size(); n++) {
            boolean checked = FormValues.value(values, FINDING + n).map(ViewState.Value::getSelectedOptions).map(o -> !o.isEmpty()).orElse(false);
            if (checked) ticked.add(findings.get(n));
        }
        if (ticked.isEmpty()) return Optional.empty();
        String why = FormValues.value(values, WHY).map(ViewState.Value::getValue).map(String::strip).orElse("");
        return Optional.of(new Draft.Confirmation(ticked, why));
    }

    /** The findings the form has a box for, in order: those still standing in the text. */
    private static List<String> open(Draft d) {
        List<String> open = d.openFindings();
        return open.subList(0, Math.min(MAX_FINDINGS, open.size()));
    }
}
