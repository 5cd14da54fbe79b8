package app.escalate.bot.slack;

import app.escalate.bot.render.CaseCard;
import app.escalate.bot.render.NoteForm;
import app.escalate.bot.render.RunbookQuestion;
import app.escalate.bot.render.TriageChangeForm;
import app.escalate.bot.render.TriageMessage;
import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseStore;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.EscCommand;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.commands.triage.TriageVerdict;
import app.escalate.config.Policy;
import app.escalate.storage.Outbox;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The case card's controls (Acknowledge, Change severity, Add note), the runbook's answer
 * buttons, and the AI triage suggestion's (Accept, Change…, Dismiss, Undo). Each runs the same handler as the typed command; a refusal comes back to the clicker
 * as a reply only they see, through the outbox.
 */
public final class CaseButtons {
    private static final Logger log = LoggerFactory.getLogger(CaseButtons.class);

    private final EscCommands commands;
    private final CaseStore cases;
    private final Policy policy;
    private final Outbox outbox;
    private final Runnable outboxChanged;
    private final Clock clock;

    public CaseButtons(EscCommands commands, CaseStore cases, Policy policy, Outbox outbox, Runnable outboxChanged, Clock clock) {
        this.commands = commands;
        this.cases = cases;
        this.policy = policy;
        this.outbox = outbox;
        this.outboxChanged = outboxChanged;
        this.clock = clock;
    }

    public void register(App app) {
        app.blockAction(CaseCard.ACKNOWLEDGE, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            caseNumber(p.getActions().get(0).getValue())
                    .ifPresent(id -> run(p, id, new CaseAction.Acknowledge()));
            return ctx.ack();
        });
        app.blockAction(CaseCard.SEVERITY, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            BlockActionPayload.Action action = p.getActions().get(0);
            Optional<Severity> to = Optional.ofNullable(action.getSelectedOption()).flatMap(o -> Severity.parse(o.getValue()));
            Optional<CaseId> id = CaseCard.caseNumberOf(action.getBlockId()).map(CaseId::new);
            if (to.isPresent() && id.isPresent()) run(p, id.get(), new CaseAction.SetSeverity(to.get(), Optional.empty()));
            return ctx.ack();
        });
        app.blockAction(Pattern.compile("^" + RunbookQuestion.ANSWER + ":.*"), (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            RunbookQuestion.Click.parse(p.getActions().get(0).getValue())
                    .ifPresent(click -> run(p, click.caseId(), new CaseAction.AnswerRunbook(click.question(), click.answer())));
            return ctx.ack();
        });
        Map<String, TriageVerdict> verdicts = Map.of(TriageMessage.ACCEPT, TriageVerdict.ACCEPTED,
                TriageMessage.DISMISS, TriageVerdict.DISMISSED, TriageMessage.UNDO, TriageVerdict.UNDONE);
        verdicts.forEach((actionId, verdict) -> app.blockAction(actionId, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            caseNumber(p.getActions().get(0).getValue())
                    .ifPresent(id -> run(p, id, new CaseAction.JudgeTriage(verdict, Optional.empty(), Optional.empty(), messageTs(p))));
            return ctx.ack();
        }));
        app.blockAction(TriageMessage.CHANGE, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            Optional<CaseId> id = caseNumber(p.getActions().get(0).getValue());
            if (id.isPresent()) {
                var state = cases.file(id.get()).flatMap(CaseFile::triage);
                var res = ctx.client().viewsOpen(r -> r.triggerId(p.getTriggerId())
                        .view(TriageChangeForm.view(id.get(), p.getChannel().getId(), messageTs(p), state, policy)));
                if (!res.isOk()) log.warn("views.open for a triage change refused: {}", res.getError());
            }
            return ctx.ack();
        });
        app.viewSubmission(TriageChangeForm.CALLBACK_ID, (req, ctx) -> {
            var view = req.getPayload().getView();
            var values = view.getState().getValues();
            Optional<Severity> severity = TriageChangeForm.severity(values);
            Optional<String[]> target = TriageChangeForm.target(view.getPrivateMetadata());
            if (severity.isEmpty() || target.isEmpty()) return ctx.ackWithErrors(Map.of(TriageChangeForm.SEVERITY, "Choose a severity."));
            Optional<String> messageTs = target.get().length > 2 ? Optional.of(target.get()[2]) : Optional.empty();
            return submit(req.getPayload().getUser().getId(), target.get(), TriageChangeForm.SEVERITY,
                    new CaseAction.JudgeTriage(TriageVerdict.CHANGED, TriageChangeForm.type(values, policy), severity, messageTs), ctx);
        });
        app.blockAction(CaseCard.ADD_NOTE, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            Optional<CaseId> id = caseNumber(p.getActions().get(0).getValue());
            if (id.isPresent()) {
                var res = ctx.client().viewsOpen(r -> r.triggerId(p.getTriggerId()).view(NoteForm.view(id.get(), p.getChannel().getId())));
                if (!res.isOk()) log.warn("views.open for a note refused: {}", res.getError());
            }
            return ctx.ack();
        });
        app.viewSubmission(NoteForm.CALLBACK_ID, (req, ctx) -> {
            var view = req.getPayload().getView();
            Optional<String> note = NoteForm.note(view.getState().getValues());
            Optional<String[]> target = NoteForm.target(view.getPrivateMetadata());
            if (note.isEmpty() || target.isEmpty()) return ctx.ackWithErrors(Map.of(NoteForm.NOTE, "Write the note first."));
            return submit(req.getPayload().getUser().getId(), target.get(), NoteForm.NOTE, new CaseAction.AddNote(note.get()), ctx);
        });
    }

    /** A form's action on the case its metadata names ({@code <case>|<channel>}); a refusal shows on the form's {@code field}. */
    private Response submit(String user, String[] target, String field, CaseAction action, ViewSubmissionContext ctx) {
        Invocation by = new Invocation(new UserId(user), new ChannelId(target[1]), Optional.empty());
        try {
            Reply reply = commands.handle(new EscCommand.OnCase(Optional.of(new CaseId(Long.parseLong(target[0]))), action), by);
            if (reply instanceof Reply.Refusal refusal) return ctx.ackWithErrors(Map.of(field, refusal.reason()));
            outboxChanged.run();
            return ctx.ack();
        } catch (JdbiException e) {
            return ctx.ackWithErrors(Map.of(field, EscSlashCommand.DATABASE_DOWN));
        }
    }

    private void run(BlockActionPayload p, CaseId id, CaseAction action) {
        UserId user = new UserId(p.getUser().getId());
        ChannelId channel = new ChannelId(p.getChannel().getId());
        Optional<String> responseUrl = Optional.ofNullable(p.getResponseUrl());
        try {
            Reply reply = commands.handle(new EscCommand.OnCase(Optional.of(id), action), new Invocation(user, channel, responseUrl));
            if (reply instanceof Reply.Refusal refusal) {
                outbox.enqueue(new SlackEffect.Whisper(id, user, channel, responseUrl, refusal.reason()), clock.instant());
            }
            outboxChanged.run();
        } catch (JdbiException e) {
            log.warn("a card button could not reach the database: {}", e.toString());
        }
    }

    /** The clicked message's timestamp, when Slack sent one that looks like it. */
    private static Optional<String> messageTs(BlockActionPayload p) {
        return Optional.ofNullable(p.getContainer()).map(BlockActionPayload.Container::getMessageTs).filter(ts -> ts.matches("\\d{1,12}\\.\\d{1,8}"));
    }

    private static Optional<CaseId> caseNumber(String value) {
        return value != null && value.matches("\\d{1,12}") ? Optional.of(new CaseId(Long.parseLong(value))) : Optional.empty();
    }
}
