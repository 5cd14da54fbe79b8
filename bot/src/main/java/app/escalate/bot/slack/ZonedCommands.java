package app.escalate.bot.slack;

import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.bot.render.ReplyRenderer;
import app.escalate.commands.CaseAction;
import app.escalate.commands.CommandParser;
import app.escalate.commands.EscCommand;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.commands.swap.Swaps;
import app.escalate.storage.FollowUp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;

import java.io.IOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Commands with times of day in them ({@code /esc override}, {@code /esc swap}, {@code /esc deadline <name> <date> <time>}):
 * the times are the person's, in the zone of their Slack profile, which only Slack knows. So the
 * command is acknowledged at once and this job asks Slack (a read), runs the command and answers
 * through the command's response URL. Run twice, it changes things once (an identical override or
 * deadline is the one already set).
 */
public final class ZonedCommands {
    private final EscCommands commands;
    private final ReplyRenderer renderer;
    private final MethodsClient methods;
    private final Optional<Swaps> swaps;

    public ZonedCommands(EscCommands commands, ReplyRenderer renderer, MethodsClient methods) {
        this(commands, renderer, methods, Optional.empty());
    }

    /** With {@code /esc swap}, whose request is recorded and sent once the asker's zone is known. */
    public ZonedCommands(EscCommands commands, ReplyRenderer renderer, MethodsClient methods, Optional<Swaps> swaps) {
        this.commands = commands;
        this.renderer = renderer;
        this.methods = methods;
        this.swaps = swaps;
    }

    /** Whether {@code text} has times of day in it, which must be read in the person's zone. */
    public static boolean readsTimes(String text) {
        EscCommand command = CommandParser.parse(text);
        // A swap's cancel has no times, but is answered by the same handler as the swap, which lives here.
        return command instanceof EscCommand.SetOverride || command instanceof EscCommand.Swap || command instanceof EscCommand.CancelSwap
                || command instanceof EscCommand.OnCase on
                && on.action() instanceof CaseAction.SetDeadline d && d.when() instanceof CaseAction.When.Local;
    }

    /** "Your override", "Your swap request" or "Your deadline": what the person asked for, in their answer. */
    private static String what(SlackEffect.ZonedCommand job) {
        EscCommand command = CommandParser.parse(job.command());
        return command instanceof EscCommand.SetOverride ? "Your override"
                : command instanceof EscCommand.Swap || command instanceof EscCommand.CancelSwap ? "Your swap request" : "Your deadline";
    }

    /** What the ack says while the person's zone is asked of Slack. */
    public static String acknowledgement(String text) {
        EscCommand command = CommandParser.parse(text);
        if (command instanceof EscCommand.CancelSwap) return "Cancelling the swap request…";
        return (command instanceof EscCommand.SetOverride ? "Setting the override" : command instanceof EscCommand.Swap ? "Asking for cover"
                : "Setting the deadline") + ", with its times in your Slack time zone…";
    }

    public DeliveryAttempt apply(SlackEffect.ZonedCommand job) {
        ZoneId zone;
        try {
            var res = methods.usersInfo(r -> r.user(job.user().value()));
            if (!res.isOk()) {
                if (SlackCalls.TRANSIENT.contains(res.getError())) {
                    return new DeliveryAttempt.Retry(Optional.empty(), "users.info: " + res.getError(), false);
                }
                // Times read in the wrong zone would put someone on call at the wrong hours: nothing is set.
                return answer(job, what(job) + " was not set: Slack would not give your time zone (`" + res.getError() + "`"
                        + (res.getNeeded() == null ? "" : ", needed scope `" + res.getNeeded() + "`") + "), and its times are read in it. "
                        + (res.getNeeded() == null ? "Try again in a minute." : "Ask a Slack admin to add that scope to Escalate and reinstall it."));
            }
            zone = zoneOf(res.getUser() == null ? null : res.getUser().getTz());
        } catch (SlackApiException e) {
            boolean limited = e.getResponse().code() == 429;
            return new DeliveryAttempt.Retry(limited ? SlackCalls.retryAfter(e.getResponse().header("Retry-After")) : Optional.empty(),
                    "users.info: HTTP " + e.getResponse().code(), false);
        } catch (IOException e) {
            return new DeliveryAttempt.Retry(Optional.empty(), "users.info: " + e, false);
        }
        Invocation by = new Invocation(job.user(), job.channel(), Optional.of(job.responseUrl()), zone);
        EscCommand command = CommandParser.parse(job.command());
        Reply reply = command instanceof EscCommand.Swap swap && swaps.isPresent() ? swaps.get().ask(swap, by)
                : command instanceof EscCommand.CancelSwap cancel && swaps.isPresent() ? swaps.get().cancel(cancel, by)
                : commands.handle(command, by);
        return DeliveryAttempt.sent(FollowUp.effects(new SlackEffect.Respond(job.user(), job.responseUrl(), renderer.render(reply).text(), true)));
    }

    /** A profile without a zone (or one Java does not know) reads times in UTC, which the reply then shows. */
    private static ZoneId zoneOf(String tz) {
        try {
            return tz == null ? ZoneOffset.UTC : ZoneId.of(tz);
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static DeliveryAttempt answer(SlackEffect.ZonedCommand job, String text) {
        return DeliveryAttempt.sent(FollowUp.effects(new SlackEffect.Respond(job.user(), job.responseUrl(), text)));
    }

    /** What the person is told when the job could not run at all (Slack or the database down through every try). */
    public static FollowUp givenUp(SlackEffect.ZonedCommand job) {
        String check = switch (what(job)) {
            case "Your swap request" -> "If no request with a *Cover* button has appeared, type it again in a minute (the same request"
                    + " twice is sent once).";
            case "Your deadline" -> "`/esc deadline` shows whether it was set; if not, type it again in a minute.";
            default -> "`/esc oncall` shows whether it was set; if not, type it again in a minute.";
        };
        return FollowUp.effects(new SlackEffect.Respond(job.user(), job.responseUrl(), what(job) + " could not be confirmed (Slack or the"
                + " database was unreachable). " + check));
    }
}
