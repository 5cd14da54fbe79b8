package app.escalate.bot.slack;

import app.escalate.bot.render.HandoffMessage;
import app.escalate.commands.Ids;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.handoff.HandoffCommands;
import app.escalate.commands.handoff.HandoffDecision;
import app.escalate.storage.Outbox;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * The digest's Accept button. The decision is stored before Slack gets its acknowledgement; the
 * answer to the clicker (accepted, or why not) goes through the outbox like every message.
 */
public final class HandoffButtons {
    private static final Logger log = LoggerFactory.getLogger(HandoffButtons.class);

    private final HandoffCommands handoffs;
    private final Outbox outbox;
    private final Clock clock;

    public HandoffButtons(HandoffCommands handoffs, Outbox outbox, Clock clock) {
        this.handoffs = handoffs;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void register(App app) {
        app.blockAction(HandoffMessage.ACCEPT, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            Optional<Long> id = Ids.positive(p.getActions().get(0).getValue());
            if (id.isPresent() && p.getResponseUrl() != null) accept(id.get(), new UserId(p.getUser().getId()), p.getResponseUrl());
            return ctx.ack();
        });
    }

    private void accept(long id, UserId user, String responseUrl) {
        try {
            Optional<HandoffDecision> decision = handoffs.accept(id, user, responseUrl);
            String refusal = decision.isEmpty() ? "That handoff is no longer on record."
                    : decision.get() instanceof HandoffDecision.Rejected r ? r.reason() : null;
            if (refusal != null) outbox.enqueue(new SlackEffect.Respond(user, responseUrl, refusal), clock.instant());
        } catch (RuntimeException e) {
            log.warn("the Accept handoff button could not be handled: {}", StoreFaults.describe(e));
        }
    }
}
