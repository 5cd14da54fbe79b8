package app.escalate.bot.slack;

import app.escalate.bot.render.CaseCard;
import app.escalate.bot.render.FormTarget;
import app.escalate.bot.render.FormValues;
import app.escalate.bot.render.NoteForm;
import app.escalate.bot.render.PageMessage;
import app.escalate.bot.render.ObjectionForm;
import app.escalate.bot.render.RunbookQuestion;
import app.escalate.bot.render.SignOffRequest;
import app.escalate.bot.render.SimilarMessage;
import app.escalate.bot.render.TriageChangeForm;
import app.escalate.bot.render.TriageMessage;
import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseStore;
import app.escalate.commands.ChannelId;
import app.escalate.commands.EscCommand;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.TriageVerdict;
import app.escalate.commands.UserId;
import app.escalate.commands.SignOff;
import app.escalate.commands.decisions.Signers;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.config.Policy;
import app.escalate.storage.Outbox;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The case card's controls (Acknowledge, Change severity, Add note), the runbook's answer
 * buttons, the AI triage suggestion's (Accept, Change…, Dismiss, Undo), a decision's sign-off
 * request's (Approve, Object…) and a duplicate flag's (Merge into ESC-n, Not a duplicate): these last
 * only from their message in the case's own channel. Each runs the same
 * handler as the typed command, on the case the control names (never the channel's), as a
 * {@link Invocation.Via#CONTROL}; a refusal comes back to the clicker as a reply only they see,
 * through the outbox. A form is opened only for someone its submission would accept.
 */
public final class CaseButtons {
    private static final Logger log = LoggerFactory.getLogger(CaseButtons.class);

    private final EscCommands commands;
    private final CaseStore cases;
    private final Policy policy;
    private final Outbox outbox;
    private final Clock clock;
    private final Forms forms;

    public CaseButtons(EscCommands commands, CaseStore cases, Policy policy, Outbox outbox, Forms forms, Clock clock) {
        this.forms = forms;
        this.commands = commands;
        this.cases = cases;
        this.policy = policy;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Who clicked, where the answer goes, and the message the control sits on, as Slack's payload says (any part may be missing). */
    record Click(UserId user, Optional<ChannelId> channel, Optional<String> responseUrl, Optional<String> messageTs,
                         BlockActionPayload.Action action, String triggerId) {
        static Click of(BlockActionPayload p) {
            Optional<ChannelId> channel = channelOf(p);
            Optional<String> ts = Optional.ofNullable(p.getContainer()).map(BlockActionPayload.Container::getMessageTs)
                    .filter(value -> value.matches("\\d{1,12}\\.\\d{1,8}"));
            return new Click(new UserId(p.getUser().getId()), channel, Optional.ofNullable(p.getResponseUrl()).filter(u -> !u.isBlank()),
                    ts, p.getActions().get(0), p.getTriggerId());
        }

        /** The channel Slack says the click came from: the payload's, or its message container's. */
        static Optional<ChannelId> channelOf(BlockActionPayload p) {
            return Optional.ofNullable(p.getChannel()).map(BlockActionPayload.Channel::getId)
                    .or(() -> Optional.ofNullable(p.getContainer()).map(BlockActionPayload.Container::getChannelId))
                    .flatMap(ChannelId::parse);
        }

        Optional<CaseId> caseInValue() {
            return CaseId.ofNumber(action.getValue());
        }

        /** As the domain sees the click: the channel only says where to answer. */
        Optional<Invocation> invocation() {
            return channel.map(ch -> Invocation.control(user, ch, responseUrl));
        }
    }

    public void register(App app) {
        app.blockAction(CaseCard.ACKNOWLEDGE, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            click.caseInValue().ifPresent(id -> run(click, id, new CaseAction.Acknowledge()));
            return ctx.ack();
        });
        app.blockAction(CaseCard.SEVERITY, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            Optional<Severity> to = Optional.ofNullable(click.action().getSelectedOption()).flatMap(o -> Severity.parse(o.getValue()));
            Optional<CaseId> id = CaseCard.caseNumberOf(click.action().getBlockId());
            if (to.isPresent() && id.isPresent()) run(click, id.get(), new CaseAction.SetSeverity(to.get(), Optional.empty()));
            return ctx.ack();
        });
        app.blockAction(Pattern.compile("^" + RunbookQuestion.ANSWER + ":.*"), (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            RunbookQuestion.Click.parse(click.action().getValue())
                    .ifPresent(answer -> run(click, answer.caseId(), new CaseAction.AnswerRunbook(answer.question(), answer.answer())));
            return ctx.ack();
        });
        app.blockAction(RunbookQuestion.WRONG, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            RunbookQuestion.wrongAt(click.action().getValue()).ifPresent(at -> run(click, at.caseId(), new CaseAction.FlagRunbook(at.question())));
            return ctx.ack();
        });
        Map<String, TriageVerdict> verdicts = Map.of(TriageMessage.ACCEPT, TriageVerdict.ACCEPTED,
                TriageMessage.DISMISS, TriageVerdict.DISMISSED, TriageMessage.UNDO, TriageVerdict.UNDONE);
        verdicts.forEach((actionId, verdict) -> app.blockAction(actionId, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            click.caseInValue().ifPresent(id -> run(click, id,
                    new CaseAction.JudgeTriage(verdict, Optional.empty(), Optional.empty(), click.messageTs())));
            return ctx.ack();
        }));
        app.blockAction(TriageMessage.CHANGE, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            click.caseInValue().ifPresent(id -> openForm(click, id,
                    new CaseAction.JudgeTriage(TriageVerdict.CHANGED, Optional.empty(), Optional.empty(), click.messageTs()), ctx,
                    target -> TriageChangeForm.view(target, cases.file(id).flatMap(CaseFile::triage), policy)));
            return ctx.ack();
        });
        app.viewSubmission(TriageChangeForm.CALLBACK_ID, (req, ctx) -> {
            var view = req.getPayload().getView();
            var values = FormValues.of(view);
            Optional<Severity> severity = TriageChangeForm.severity(values);
            Optional<FormTarget> target = FormTarget.parse(view.getPrivateMetadata());
            if (severity.isEmpty() || target.isEmpty()) return ctx.ackWithErrors(Map.of(TriageChangeForm.SEVERITY, "Choose a severity."));
            return submit(req.getPayload().getUser().getId(), target.get(), TriageChangeForm.SEVERITY,
                    new CaseAction.JudgeTriage(TriageVerdict.CHANGED, TriageChangeForm.type(values, policy), severity, target.get().messageTs()), ctx);
        });
        app.blockAction(SignOffRequest.APPROVE, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            SignOffRequest.Target.parse(click.action().getValue()).filter(t -> fromItsChannel(click, t.caseId())).ifPresent(t -> run(click, t.caseId(),
                    new CaseAction.SignOffDecision(t.decision(), SignOff.Verdict.APPROVED, Optional.empty(), click.messageTs())));
            return ctx.ack();
        });
        app.blockAction(SignOffRequest.OBJECT, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            SignOffRequest.Target.parse(click.action().getValue()).filter(t -> fromItsChannel(click, t.caseId()) && maySign(click, t)).ifPresent(t -> openForm(click,
                    t.caseId(), new CaseAction.SignOffDecision(t.decision(), SignOff.Verdict.OBJECTED, Optional.empty(), click.messageTs()), ctx,
                    target -> ObjectionForm.view(target, t.decision())));
            return ctx.ack();
        });
        app.viewSubmission(ObjectionForm.CALLBACK_ID, (req, ctx) -> {
            var view = req.getPayload().getView();
            Optional<String> reason = ObjectionForm.reason(FormValues.of(view));
            var target = ObjectionForm.target(view.getPrivateMetadata());
            if (reason.isEmpty() || target.isEmpty()) return ctx.ackWithErrors(Map.of(ObjectionForm.REASON, "Say why you object."));
            FormTarget form = target.get().getKey();
            if (!caseChannel(form.caseId()).map(form.channel()::equals).orElse(false)) {
                return ctx.ackWithErrors(Map.of(ObjectionForm.REASON, "Object from the request in " + form.caseId() + "'s channel."));
            }
            return submit(req.getPayload().getUser().getId(), form, ObjectionForm.REASON, new CaseAction.SignOffDecision(target.get().getValue(),
                    SignOff.Verdict.OBJECTED, reason, form.messageTs()), ctx);
        });
        // A duplicate flag is judged only from its message in the flagged case's own channel, as a sign-off is.
        app.blockAction(SimilarMessage.MERGE, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            SimilarMessage.Target.parse(click.action().getValue()).filter(t -> fromItsChannel(click, t.caseId(), flagHere(t.caseId())))
                    .ifPresent(t -> run(click, t.caseId(), new CaseAction.Merge(t.flagged(), true)));
            return ctx.ack();
        });
        app.blockAction(SimilarMessage.NOT_DUPLICATE, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            SimilarMessage.Target.parse(click.action().getValue()).filter(t -> fromItsChannel(click, t.caseId(), flagHere(t.caseId())))
                    .ifPresent(t -> run(click, t.caseId(), new CaseAction.NotDuplicate(t.flagged())));
            return ctx.ack();
        });
        // A page's button sits in the paged person's direct messages: checked against the stored page, never the value's word.
        app.blockAction(PageMessage.ACKNOWLEDGE, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            PageMessage.Target.parse(click.action().getValue()).ifPresent(t -> {
                if (run(click, t.caseId(), new CaseAction.AcknowledgePage(t.page()))) {
                    tell(click, t.caseId(), "Thanks: " + t.caseId() + "'s channel knows you have the page, and it stops ringing.");
                }
            });
            return ctx.ack();
        });
        app.blockAction(CaseCard.ADD_NOTE, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            click.caseInValue().ifPresent(id -> openForm(click, id, new CaseAction.AddNote(""), ctx, NoteForm::view));
            return ctx.ack();
        });
        app.viewSubmission(NoteForm.CALLBACK_ID, (req, ctx) -> {
            var view = req.getPayload().getView();
            Optional<String> note = NoteForm.note(FormValues.of(view));
            Optional<FormTarget> target = FormTarget.parse(view.getPrivateMetadata());
            if (note.isEmpty() || target.isEmpty()) return ctx.ackWithErrors(Map.of(NoteForm.NOTE, "Write the note first."));
            return submit(req.getPayload().getUser().getId(), target.get(), NoteForm.NOTE, new CaseAction.AddNote(note.get()), ctx);
        });
    }

    /**
     * Opens the form {@code view} builds for the case the button names, if the clicker may do
     * {@code action} there; else tells them why, and no form shows them the case.
     */
    private void openForm(Click click, CaseId id, CaseAction action, ActionContext ctx, Function<FormTarget, View> view) {
        Optional<Invocation> by = click.invocation();
        if (by.isEmpty()) return;
        View form;
        try {
            Optional<String> refused = commands.mayAct(id, action, by.get());
            if (refused.isPresent()) {
                tell(click, id, refused.get());
                return;
            }
            form = view.apply(new FormTarget(id, by.get().channel(), click.messageTs()));
        } catch (RuntimeException e) {
            tell(click, id, StoreFaults.answer(e));
            return;
        }
        forms.openAfterAck(ctx, click.triggerId(), form, error -> tell(click, id, "I couldn't open the form (" + error + "). Try the button again,"
                + " or use the command (`/esc help`)."));
    }

    /** A form's action on the case its metadata names; a refusal shows on the form's {@code field}. */
    private Response submit(String user, FormTarget target, String field, CaseAction action, ViewSubmissionContext ctx) {
        Invocation by = Invocation.control(new UserId(user), target.channel(), Optional.empty());
        try {
            Reply reply = commands.handle(new EscCommand.OnCase(Optional.of(target.caseId()), action), by);
            if (reply instanceof Reply.Refusal refusal) return ctx.ackWithErrors(Map.of(field, refusal.reason()));
            return ctx.ack();
        } catch (RuntimeException e) {
            return ctx.ackWithErrors(Map.of(field, StoreFaults.answer(e)));
        }
    }

    /**
     * A sign-off or a duplicate's verdict counts only from its message in its case's channel: the
     * click's channel is Slack's word, so a value copied into another case's message, or a message
     * shown elsewhere, answers nothing.
     */
    private boolean fromItsChannel(Click click, CaseId id) {
        return fromItsChannel(click, id, "Sign-offs for " + id + " are given on its request in " + id + "'s channel.");
    }

    private boolean fromItsChannel(Click click, CaseId id, String refusal) {
        try {
            if (click.channel().isPresent() && caseChannel(id).equals(click.channel())) return true;
            tell(click, id, refusal);
        } catch (RuntimeException e) {
            tell(click, id, StoreFaults.answer(e));
        }
        return false;
    }

    private static String flagHere(CaseId id) {
        return "A duplicate flag on " + id + " is judged on its message in " + id + "'s channel.";
    }

    /** Before the objection form opens: only someone whose answer would count gets it. */
    private boolean maySign(Click click, SignOffRequest.Target t) {
        try {
            Optional<String> refused = cases.file(t.caseId()).flatMap(f -> Signers.refusal(f, t.decision(), click.user(), policy));
            refused.ifPresent(why -> tell(click, t.caseId(), why));
            return refused.isEmpty();
        } catch (RuntimeException e) {
            tell(click, t.caseId(), StoreFaults.answer(e));
            return false;
        }
    }

    private Optional<ChannelId> caseChannel(CaseId id) {
        return cases.find(id).flatMap(c -> c.channel()).map(ch -> ch.id());
    }

    /** Runs {@code action} as the clicker; true when it was done (a refusal is told to them). */
    private boolean run(Click click, CaseId id, CaseAction action) {
        Optional<Invocation> by = click.invocation();
        if (by.isEmpty()) return false;   // nowhere to act from or answer to: a click Slack did not send from a message
        try {
            Reply reply = commands.handle(new EscCommand.OnCase(Optional.of(id), action), by.get());
            if (reply instanceof Reply.Refusal refusal) tell(click, id, refusal.reason());
            return !(reply instanceof Reply.Refusal);
        } catch (RuntimeException e) {
            log.warn("a case button could not be handled: {}", StoreFaults.describe(e));
            return false;
        }
    }

    /** A reply only the clicker sees: through the click's response URL, else as an ephemeral message where they clicked. */
    private void tell(Click click, CaseId id, String text) {
        try {
            if (click.channel().isPresent()) {
                outbox.enqueue(new SlackEffect.Whisper(id, click.user(), click.channel().get(), click.responseUrl(), text), clock.instant());
            } else if (click.responseUrl().isPresent()) {
                outbox.enqueue(new SlackEffect.Respond(click.user(), click.responseUrl().get(), text), clock.instant());
            }
        } catch (RuntimeException e) {
            // The reply goes through the outbox, which lives in the database: with it gone, there is no one to tell.
            log.warn("a reply to a click could not be queued: {}", StoreFaults.describe(e));
        }
    }
}
