package app.escalate.bot.slack;

import app.escalate.bot.render.OpenCaseForm;
import app.escalate.commands.ChannelId;
import app.escalate.commands.CommandParser;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;
import app.escalate.commands.handlers.EscCommands;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
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
    private final Runnable outboxChanged;
    private final Predicate<String> isPrivate;
    private final TriageJobs triage;

    /** {@code isPrivate} says whether a channel's messages should not reach an open case (a restricted case's channel). */
    public CaseIntake(EscCommands commands, OpenCaseForm form, Runnable outboxChanged, Predicate<String> isPrivate, TriageJobs triage) {
        this.commands = commands;
        this.triage = triage;
        this.form = form;
        this.outboxChanged = outboxChanged;
        this.isPrivate = channel -> channel.startsWith("G") || channel.startsWith("D") || isPrivate.test(channel);
    }

    public void register(App app) {
        app.messageShortcut(SHORTCUT_ID, (req, ctx) -> {
            MessageShortcutPayload p = req.getPayload();
            String channel = p.getChannel().getId();
            String text = SlackText.plain(p.getMessage().getText()).strip();
            String title = SlackText.clip(text.lines().findFirst().orElse("").strip(), CommandParser.MAX_TITLE_LENGTH);
            OpenCaseForm.Prefill prefill = new OpenCaseForm.Prefill(title, clip(text), channel, isPrivate.test(channel));
            // The trigger expires in 3 s: open the form first, then add the message's link to it.
            Optional<View> opened = open(ctx, p.getTriggerId(), prefill).view();
            String permalink = opened.isPresent() ? permalink(ctx, channel, p.getMessageTs()) : "";
            if (opened.isPresent() && !permalink.isEmpty()) {
                View view = opened.get();
                View withLink = form.view(prefill.withDescription(clip(text + "\n\nFrom: " + permalink)));
                try {
                    ctx.client().viewsUpdate(r -> r.viewId(view.getId()).hash(view.getHash()).view(withLink));
                } catch (Exception e) {
                    log.warn("views.update with the message link failed: {}", e.toString());
                }
            }
            return ctx.ack();
        });
        app.viewSubmission(OpenCaseForm.CALLBACK_ID, (req, ctx) -> {
            var view = req.getPayload().getView();
            OpenCaseForm.Submission submission = form.read(view.getState().getValues());
            if (submission.command().isEmpty()) return ctx.ackWithErrors(submission.errors());
            String origin = view.getPrivateMetadata();
            if (origin == null || !origin.matches("[CGD][A-Z0-9]{2,20}")) {
                return ctx.ackWithErrors(Map.of(OpenCaseForm.TITLE_BLOCK, "This form lost track of where it was opened; open it again."));
            }
            Invocation by = new Invocation(new UserId(req.getPayload().getUser().getId()), new ChannelId(origin), Optional.empty());
            try {
                Reply reply = commands.handle(submission.command().get(), by);
                if (reply instanceof Reply.CaseOpened opened) {
                    outboxChanged.run();
                    triage.start(opened.opened().id());
                    return ctx.ack();
                }
                String reason = reply instanceof Reply.Refusal r ? r.reason() : "That did not work; try again.";
                return ctx.ackWithErrors(Map.of(OpenCaseForm.TITLE_BLOCK, reason));
            } catch (JdbiException e) {
                log.warn("the open-case form could not reach the database: {}", e.toString());
                return ctx.ackWithErrors(Map.of(OpenCaseForm.TITLE_BLOCK, EscSlashCommand.DATABASE_DOWN));
            }
        });
    }

    /** Opens the form with Slack's trigger (it expires 3 s after the click, hence a direct call). Empty when it opened. */
    public Optional<String> openForm(Context ctx, String triggerId, OpenCaseForm.Prefill prefill) {
        Opened opened = open(ctx, triggerId, prefill);
        return opened.view().isPresent() ? Optional.empty() : Optional.of(opened.error());
    }

    /** The view Slack opened, or why it did not. */
    private record Opened(Optional<View> view, String error) {
    }

    private Opened open(Context ctx, String triggerId, OpenCaseForm.Prefill prefill) {
        View view = form.view(prefill);
        try {
            ViewsOpenResponse res = ctx.client().viewsOpen(r -> r.triggerId(triggerId).view(view));
            if (res.isOk()) return new Opened(Optional.ofNullable(res.getView()), "");
            log.warn("views.open refused: {}", res.getError());
            return new Opened(Optional.empty(), res.getError());
        } catch (Exception e) {
            log.warn("views.open failed: {}", e.toString());
            return new Opened(Optional.empty(), "Slack did not answer");
        }
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
