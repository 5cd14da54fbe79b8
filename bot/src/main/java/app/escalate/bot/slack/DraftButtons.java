package app.escalate.bot.slack;

import app.escalate.bot.render.DraftMessage;
import app.escalate.bot.render.EditDraftForm;
import app.escalate.bot.render.FormValues;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.summary.Draft;
import app.escalate.commands.summary.DraftDecision;
import app.escalate.commands.summary.DraftStore;
import app.escalate.commands.summary.Drafts;
import app.escalate.storage.Outbox;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The draft's buttons: Approve & post, Edit (a form, prefilled; submitting posts the edit),
 * Regenerate and Discard. Decisions are stored before Slack gets its acknowledgement; answers
 * to the clicker go through the outbox.
 */
public final class DraftButtons {
    private static final Logger log = LoggerFactory.getLogger(DraftButtons.class);

    private final Drafts drafts;
    private final DraftStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final Forms forms;

    public DraftButtons(Drafts drafts, DraftStore store, Outbox outbox, Forms forms, Clock clock) {
        this.forms = forms;
        this.drafts = drafts;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void register(App app) {
        app.blockAction(DraftMessage.APPROVE, (req, ctx) -> {
            click(req.getPayload(), (id, user) -> drafts.approve(id, user, Optional.empty()));
            return ctx.ack();
        });
        app.blockAction(DraftMessage.DISCARD, (req, ctx) -> {
            click(req.getPayload(), drafts::discard);
            return ctx.ack();
        });
        app.blockAction(DraftMessage.REGENERATE, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            click(p, (id, user) -> drafts.regenerate(id, user, Optional.ofNullable(p.getResponseUrl())));
            return ctx.ack();
        });
        app.blockAction(DraftMessage.EDIT, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            draftId(p).ifPresent(id -> review(p, id, ctx));
            return ctx.ack();
        });
        app.viewSubmission(EditDraftForm.CALLBACK_ID, (req, ctx) -> {
            var view = req.getPayload().getView();
            var values = FormValues.of(view);
            Optional<Long> id = EditDraftForm.draftId(view.getPrivateMetadata());
            Optional<String> text = EditDraftForm.text(values);
            if (id.isEmpty() || text.isEmpty()) return ctx.ackWithErrors(Map.of(EditDraftForm.TEXT, "Write the text to post first."));
            try {
                Optional<Draft> draft = store.find(id.get());
                if (draft.isEmpty()) return ctx.ackWithErrors(Map.of(EditDraftForm.TEXT, Drafts.GONE));
                Optional<DraftDecision> decision = drafts.approve(id.get(), new UserId(req.getPayload().getUser().getId()), text,
                        EditDraftForm.confirmation(draft.get(), values));
                if (decision.isEmpty()) return ctx.ackWithErrors(Map.of(EditDraftForm.TEXT, Drafts.GONE));
                if (decision.get() instanceof DraftDecision.Rejected r) return ctx.ackWithErrors(Map.of(EditDraftForm.TEXT, r.reason()));
                return ctx.ack();
            } catch (RuntimeException e) {
                return ctx.ackWithErrors(Map.of(EditDraftForm.TEXT, StoreFaults.answer(e)));
            }
        });
    }

    /** Opens the draft in the form, for someone who may decide it; the form shows its text, so nobody else gets it. */
    private void review(BlockActionPayload p, long id, com.slack.api.bolt.context.builtin.ActionContext ctx) {
        UserId user = new UserId(p.getUser().getId());
        Draft draft;
        try {
            Optional<Draft> found = store.find(id);
            Optional<String> refused = found.isEmpty() ? Optional.of(Drafts.GONE) : drafts.mayReview(found.get(), user);
            if (refused.isPresent()) {
                tell(p, refused.get());
                return;
            }
            draft = found.get();
        } catch (RuntimeException e) {
            log.warn("Edit could not be handled: {}", StoreFaults.describe(e));
            return;
        }
        forms.openAfterAck(ctx, p.getTriggerId(), EditDraftForm.view(draft),
                error -> tell(p, "I couldn't open the draft to edit (" + error + "). Press Edit again."));
    }

    private interface Decide {
        Optional<DraftDecision> apply(long draftId, UserId user);
    }

    private void click(BlockActionPayload p, Decide decide) {
        Optional<Long> id = draftId(p);
        if (id.isEmpty()) return;
        try {
            Optional<DraftDecision> decision = decide.apply(id.get(), new UserId(p.getUser().getId()));
            if (decision.isEmpty()) tell(p, Drafts.GONE);
            else if (decision.get() instanceof DraftDecision.Rejected r) tell(p, r.reason());
        } catch (RuntimeException e) {
            log.warn("a draft button could not be handled: {}", StoreFaults.describe(e));
        }
    }

    private void tell(BlockActionPayload p, String text) {
        if (p.getResponseUrl() == null) return;
        outbox.enqueue(new SlackEffect.Respond(new UserId(p.getUser().getId()), p.getResponseUrl(), text), clock.instant());
    }

    private static Optional<Long> draftId(BlockActionPayload p) {
        return EditDraftForm.draftId(p.getActions().get(0).getValue());
    }
}
