package app.escalate.bot.slack;

import app.escalate.bot.render.OpenCaseForm;
import app.escalate.bot.render.ReplyRenderer;
import app.escalate.bot.render.SearchResults;
import app.escalate.bot.render.SlackMessage;
import app.escalate.bot.search.CaseSearch;
import app.escalate.commands.ChannelId;
import app.escalate.commands.CommandParser;
import app.escalate.commands.Effects;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.UserId;
import app.escalate.config.Policy;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@code /esc}: decides, records and acks in one go (well inside Slack's 3 s), with no call to
 * Slack before the ack. Everything the decision implies (Slack calls, triage, a draft, a chart) is
 * in the outbox by then, written with it; the workers wake once it has committed. An override's
 * times need the person's zone from Slack, so it is decided by a job and answered after.
 */
public final class EscSlashCommand implements SlashCommandHandler {
    private final EscCommands commands;
    private final ReplyRenderer renderer;
    private final MeterRegistry metrics;
    private final CaseIntake intake;
    /** Where work after the ack is queued (an override waiting for the person's zone). */
    private final Effects effects;
    private final Clock clock;
    private final CaseSearch search;
    private final Policy policy;

    public EscSlashCommand(EscCommands commands, ReplyRenderer renderer, MeterRegistry metrics, CaseIntake intake, Effects effects,
                           Clock clock, CaseSearch search, Policy policy) {
        this.search = search;
        this.policy = policy;
        this.effects = effects;
        this.clock = clock;
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
                    Optional.ofNullable(payload.getResponseUrl()).filter(url -> !url.isBlank()), ZoneOffset.UTC);
            if (by.responseUrl().isPresent() && ZonedCommands.readsTimes(payload.getText())) {
                // Its times are the person's: Slack is asked for their zone after the ack, and the answer follows.
                effects.enqueue(List.of(new SlackEffect.ZonedCommand(by.user(), by.channel(), by.responseUrl().get(), payload.getText())),
                        clock.instant());
                return done(sample, payload, outcome, ctx.ack(r -> r.responseType("ephemeral")
                        .text(ZonedCommands.acknowledgement(payload.getText()))));
            }
            // Search reads the in-memory index and the embedding model, which live here, not in the domain.
            if (CaseSearch.asks(payload.getText())) {
                SlackMessage found = SearchResults.answer(search, payload.getText(), by.user(), policy);
                return done(sample, payload, outcome, ctx.ack(r -> r.responseType("ephemeral").text(found.text())));
            }
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
