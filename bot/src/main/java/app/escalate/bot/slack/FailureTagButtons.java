package app.escalate.bot.slack;

import app.escalate.bot.render.FailureTagMessage;
import app.escalate.commands.CaseAction;
import app.escalate.commands.ChannelId;
import app.escalate.commands.EscCommand;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.config.FailureMode;
import app.escalate.config.Policy;
import app.escalate.storage.Outbox;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The failure-mode buttons on a tag offer and on {@code /esc tag}: each click is the same tag a
 * typed command would make on the case its value names, checked the same way (the override must
 * be that case's, the clicker must work on it, the mode must be the policy's); the clicker is told
 * what was recorded, or why not, in a reply only they see.
 */
public final class FailureTagButtons {
    private static final Logger log = LoggerFactory.getLogger(FailureTagButtons.class);

    private final EscCommands commands;
    private final Policy policy;
    private final Outbox outbox;
    private final Clock clock;

    public FailureTagButtons(EscCommands commands, Policy policy, Outbox outbox, Clock clock) {
        this.commands = commands;
        this.policy = policy;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void register(App app) {
        app.blockAction(Pattern.compile("^" + FailureTagMessage.TAG + ":.*"), (req, ctx) -> {
            click(req.getPayload());
            return ctx.ack();
        });
    }

    private void click(BlockActionPayload p) {
        BlockActionPayload.Action action = p.getActions().get(0);
        Optional<FailureTagMessage.Click> click = FailureTagMessage.Click.parse(action.getActionId(), action.getValue());
        Optional<ChannelId> channel = CaseButtons.Click.channelOf(p);
        if (click.isEmpty() || channel.isEmpty()) return;
        UserId user = new UserId(p.getUser().getId());
        Optional<String> responseUrl = Optional.ofNullable(p.getResponseUrl()).filter(u -> !u.isBlank());
        FailureTagMessage.Click c = click.get();
        try {
            Reply reply = commands.handle(new EscCommand.OnCase(Optional.of(c.caseId()), new CaseAction.TagFailure(c.subject(), c.mode())),
                    Invocation.control(user, channel.get(), responseUrl));
            String text = reply instanceof Reply.Refusal refusal ? refusal.reason()
                    : "Tagged " + policy.ai().failureMode(c.mode()).map(FailureMode::label).orElse(c.mode())
                    + ". Thanks: it counts in `/esc ai`, and another button changes it.";
            outbox.enqueue(new SlackEffect.Whisper(c.caseId(), user, channel.get(), responseUrl, text), clock.instant());
        } catch (RuntimeException e) {
            log.warn("a failure-mode tag could not be handled: {}", StoreFaults.describe(e));
        }
    }
}
