package app.escalate.bot.slack;

import app.escalate.bot.render.OpenCaseForm;
import app.escalate.bot.render.ReplyRenderer;
import app.escalate.bot.render.SlackMessage;
import app.escalate.commands.ChannelId;
import app.escalate.commands.CommandParser;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.UserId;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@code /esc}: decides, records and acks in one go (well inside Slack's 3 s). Everything the
 * decision implies (Slack calls, triage, a draft, a chart) is in the outbox by then, written with
 * it; the workers wake once it has committed.
 */
public final class EscSlashCommand implements SlashCommandHandler {
    private static final Logger log = LoggerFactory.getLogger(EscSlashCommand.class);

    private final EscCommands commands;
    private final ReplyRenderer renderer;
    private final MeterRegistry metrics;
    private final CaseIntake intake;

    public EscSlashCommand(EscCommands commands, ReplyRenderer renderer, MeterRegistry metrics, CaseIntake intake) {
        this.commands = commands;
        this.renderer = renderer;
        this.metrics = metrics;
        this.intake = intake;
    }

    @Override
    public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload payload = req.getPayload();
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "ok";
        SlackMessage message;
        try {
            Invocation by = new Invocation(new UserId(payload.getUserId()), new ChannelId(payload.getChannelId()),
                    Optional.ofNullable(payload.getResponseUrl()).filter(url -> !url.isBlank()),
                    readsTimes(payload.getText()) ? timeZone(ctx, payload.getUserId()) : ZoneOffset.UTC);
            Reply reply = commands.handle(payload.getText(), by);
            if (reply instanceof Reply.OpenForm) {
                // Acknowledged first: the form opens right after, and a form Slack would not open is answered then.
                intake.openFormAfterAck(ctx, payload.getTriggerId(), OpenCaseForm.Prefill.empty(payload.getChannelId()), by.user(),
                        by.responseUrl());
                return done(sample, payload, outcome, ctx.ack());
            } else {
                message = renderer.render(reply);
            }
        } catch (RuntimeException e) {
            message = SlackMessage.text(StoreFaults.answer(e));
            outcome = StoreFaults.unreachable(e) ? "database_down" : "error";
        }
        SlackMessage reply = message;
        return done(sample, payload, outcome, ctx.ack(r -> r.responseType("ephemeral").text(reply.text())
                .blocks(reply.blocks().isEmpty() ? null : reply.blocks())));
    }

    /** Only commands with times in them need the person's zone; the others skip the extra call to Slack. */
    private static boolean readsTimes(String text) {
        return "override".equals(CommandParser.subCommand(text));
    }

    /** The person's time zone from their Slack profile (a read, made directly); UTC when Slack does not say. */
    private static ZoneId timeZone(SlashCommandContext ctx, String user) {
        try {
            var res = ctx.client().usersInfo(r -> r.user(user));
            if (res.isOk() && res.getUser() != null && res.getUser().getTz() != null) return ZoneId.of(res.getUser().getTz());
        } catch (Exception e) {
            log.warn("users.info for a time zone failed: {}", e.toString());
        }
        return ZoneOffset.UTC;
    }

    private Response done(Timer.Sample sample, SlashCommandPayload payload, String outcome, Response ack) {
        sample.stop(Timer.builder("escalate.command")
                .description("Time from receiving an /esc command to its ack")
                .tag("subcommand", CommandParser.subCommand(payload.getText()))
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(metrics));
        return ack;
    }
}
