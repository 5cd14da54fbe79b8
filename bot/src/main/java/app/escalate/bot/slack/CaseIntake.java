package app.escalate.bot.slack;

import app.escalate.bot.render.FormValues;
import app.escalate.bot.render.Mrkdwn;
import app.escalate.bot.render.OpenCaseForm;
import app.escalate.commands.CommandParser;
import app.escalate.commands.Effects;
import app.escalate.commands.EscCommand;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;
import app.escalate.commands.handlers.EscCommands;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.model.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * The ways into a case besides typing it in one line: the "Open a case" form (from {@code /esc open}
 * alone) and the "Escalate this message" shortcut, which opens the same form prefilled.
 */
public final class CaseIntake {
    private static final Logger log = LoggerFactory.getLogger(CaseIntake.class);
    public static final String SHORTCUT_ID = "escalate_message";

    private final EscCommands commands;
    private final OpenCaseForm form;
    private final Predicate<String> isPrivate;
    private final Forms forms;
    private final Executor background;
    /** Where a form that did not open is told of: the outbox, after the ack. */
    private final Effects effects;
    private final Clock clock;

    /**
     * {@code isPrivate} says whether a channel's messages should not reach an open case (a restricted
     * case's channel); Slack is asked as well. After the shortcut's ack, {@code forms} opens the form
     * (its trigger lasts 3 s, so it waits behind nothing else) and {@code background} asks Slack the rest.
     */
    public CaseIntake(EscCommands commands, OpenCaseForm form, Predicate<String> isPrivate, Forms forms, Executor background,
                      Effects effects, Clock clock) {
        this.effects = effects;
        this.clock = clock;
        this.forms = forms;
        this.background = background;
        this.commands = commands;
        this.form = form;
        this.isPrivate = channel -> channel.startsWith("G") || channel.startsWith("D") || isPrivate.test(channel);
    }

    public void register(App app) {
        app.messageShortcut(SHORTCUT_ID, (req, ctx) -> {
            MessageShortcutPayload p = req.getPayload();
            String channel = p.getChannel().getId();
            String text = SlackText.plain(p.getMessage() == null ? "" : p.getMessage().getText()).strip();
            String title = SlackText.clip(text.lines().findFirst().orElse("").strip(), CommandParser.MAX_TITLE_LENGTH);
            // A restricted case's channel or a direct conversation is private whatever Slack says; anything else, ask it.
            OpenCaseForm.Prefill prefill = new OpenCaseForm.Prefill(title, clip(text), channel, false, OpenCaseForm.Privacy.UNCHECKED);
            if (isPrivate.test(channel)) prefill = prefill.knownTo(OpenCaseForm.Privacy.PRIVATE);
            OpenCaseForm.Prefill first = prefill;
            // Acknowledged at once; the form opens right after, well inside the trigger's 3 s, then learns what Slack knows.
            forms.afterAck(() -> open(ctx, p.getTriggerId(), first).view()
                    .ifPresent(view -> background.execute(() -> learn(ctx, view, p.getMessageTs(), first))));
            return ctx.ack();
        });
        // A type chosen in the form: its fields are added to it, right after the ack (a form, not a message: not through the outbox).
        app.blockAction(OpenCaseForm.TYPE_ACTION, (req, ctx) -> {
            var p = req.getPayload();
            var view = p.getView();
            if (view == null || !OpenCaseForm.CALLBACK_ID.equals(view.getCallbackId())) return ctx.ack();
            Optional<String> type = p.getActions() == null ? Optional.empty() : p.getActions().stream().findFirst()
                    .map(a -> a.getSelectedOption()).map(o -> o.getValue());
            form.forType(view.getPrivateMetadata(), type).ifPresent(updated -> forms.afterAck(() -> update(ctx, view, updated)));
            return ctx.ack();
        });
        app.viewSubmission(OpenCaseForm.CALLBACK_ID, (req, ctx) -> {
            var view = req.getPayload().getView();
            OpenCaseForm.Submission submission = form.read(FormValues.of(view));
            if (submission.command().isEmpty()) return ctx.ackWithErrors(submission.errors());
            Optional<OpenCaseForm.Origin> origin = OpenCaseForm.Origin.parse(view.getPrivateMetadata());
            if (origin.isEmpty()) {
                return ctx.ackWithErrors(Map.of(OpenCaseForm.TITLE_BLOCK, "This form lost track of where it was opened; open it again."));
            }
            EscCommand.Open command = submission.command().get();
            // Sent back before Slack's answer reached it, the form never showed Restricted as Slack would have it: restrict.
            if (origin.get().privacy() == OpenCaseForm.Privacy.UNCHECKED) command = command.restrictedCase();
            Invocation by = Invocation.control(new UserId(req.getPayload().getUser().getId()), origin.get().channel(), Optional.empty());
            try {
                Reply reply = commands.handle(command, by);
                if (reply instanceof Reply.CaseOpened) return ctx.ack();
                String reason = reply instanceof Reply.Refusal r ? r.reason() : "That did not work; try again.";
                return ctx.ackWithErrors(Map.of(OpenCaseForm.TITLE_BLOCK, reason));
            } catch (RuntimeException e) {
                return ctx.ackWithErrors(Map.of(OpenCaseForm.TITLE_BLOCK, StoreFaults.answer(e)));
            }
        });
    }

    /**
     * After the form is open: asks Slack whether the message's channel is private (its id's first
     * letter does not say: new private channels get {@code C…} ids too) and for the message's link,
     * and updates the form with both. The form's metadata then says what is known, so a form sent
     * back before this update reached it opens a restricted case.
     */
    private void learn(Context ctx, View view, String messageTs, OpenCaseForm.Prefill prefill) {
        String channel = prefill.originChannel();
        OpenCaseForm.Prefill known = prefill.privacy() == OpenCaseForm.Privacy.UNCHECKED
                ? prefill.knownTo(privateToSlack(ctx, channel) ? OpenCaseForm.Privacy.PRIVATE : OpenCaseForm.Privacy.PUBLIC) : prefill;
        String permalink = permalink(ctx, channel, messageTs);
        if (!permalink.isEmpty()) known = known.withDescription(clip(prefill.description() + "\n\nFrom: " + permalink));
        if (known.equals(prefill)) return;
        update(ctx, view, form.view(known));
    }

    /** Shows {@code updated} in place of the open form {@code view}; a refusal (the person closed it meanwhile) is only logged. */
    private static void update(Context ctx, View view, View updated) {
        try {
            var res = ctx.client().viewsUpdate(r -> r.viewId(view.getId()).hash(view.getHash()).view(updated));
            if (!res.isOk()) log.warn("views.update of the escalation form refused: {}", res.getError());
        } catch (Exception e) {
            log.warn("views.update of the escalation form failed: {}", e.toString());
        }
    }

    /**
     * Whether Slack says the channel is private (or a direct conversation). A channel Slack will not
     * describe to the bot (not a member of a private channel, a scope missing, no answer) counts as
     * private: a public channel is always visible to it.
     */
    private static boolean privateToSlack(Context ctx, String channel) {
        try {
            var res = ctx.client().conversationsInfo(r -> r.channel(channel));
            if (!res.isOk() || res.getChannel() == null) return true;
            var c = res.getChannel();
            return c.isPrivate() || c.isIm() || c.isMpim() || c.isGroup();
        } catch (Exception e) {
            log.warn("conversations.info for an escalated message failed: {}", e.toString());
            return true;
        }
    }

    /**
     * Opens the form for {@code /esc} right after the command's ack, with Slack's trigger (it expires
     * 3 s after the command, so never through the outbox). When Slack does not open it, the person
     * is told through the command's response URL, with the one-line way to open a case.
     */
    public void openFormAfterAck(Context ctx, String triggerId, OpenCaseForm.Prefill prefill, UserId user, Optional<String> responseUrl) {
        forms.afterAck(() -> {
            Forms.Opened opened = open(ctx, triggerId, prefill);
            if (opened.view().isPresent() || responseUrl.isEmpty()) return;
            String text = "I couldn't open the form (" + Mrkdwn.escape(opened.error())
                    + "). Open a case in one line instead: `/esc open <title> [sev1-4] [type:<case-type>]`.";
            try {
                effects.enqueue(List.of(new SlackEffect.Respond(user, responseUrl.get(), text)), clock.instant());
            } catch (RuntimeException e) {
                log.warn("could not queue the answer to a form that did not open: {}", StoreFaults.describe(e));
            }
        });
    }

    private Forms.Opened open(Context ctx, String triggerId, OpenCaseForm.Prefill prefill) {
        return forms.open(ctx, triggerId, form.view(prefill));
    }

    private static String permalink(Context ctx, String channel, String ts) {
        try {
            var res = ctx.client().chatGetPermalink(r -> r.channel(channel).messageTs(ts));
            return res.isOk() && res.getPermalink() != null ? res.getPermalink() : "";
        } catch (Exception e) {
            return "";
        }
    }

    private static String clip(String text) {
        return SlackText.clip(text, CommandParser.MAX_NOTE_LENGTH);
    }
}
