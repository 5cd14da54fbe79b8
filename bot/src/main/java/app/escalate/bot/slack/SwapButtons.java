package app.escalate.bot.slack;

import app.escalate.bot.render.Mrkdwn;
import app.escalate.bot.render.SwapMessage;
import app.escalate.commands.Ids;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;
import app.escalate.commands.swap.SwapDecision;
import app.escalate.commands.swap.Swaps;
import app.escalate.storage.Outbox;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * A swap request's Cover button. The value only names the request; who pressed (Slack's word),
 * where the message is and the request's stored state decide, under the request's row lock. The
 * winner's override, the redrawn request and both people's messages are written in that same
 * transaction; anyone refused is told why in a reply only they see.
 */
public final class SwapButtons {
    private static final Logger log = LoggerFactory.getLogger(SwapButtons.class);

    private final Swaps swaps;
    private final Outbox outbox;
    private final Clock clock;

    public SwapButtons(Swaps swaps, Outbox outbox, Clock clock) {
        this.swaps = swaps;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void register(App app) {
        app.blockAction(SwapMessage.COVER, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            if (p.getResponseUrl() != null && !p.getResponseUrl().isBlank()) cover(p, new UserId(p.getUser().getId()), p.getResponseUrl());
            return ctx.ack();
        });
    }

    private void cover(BlockActionPayload p, UserId user, String responseUrl) {
        try {
            Optional<Long> id = Ids.positive(p.getActions().get(0).getValue());
            Optional<String> channel = Optional.ofNullable(p.getContainer()).map(BlockActionPayload.Container::getChannelId)
                    .or(() -> Optional.ofNullable(p.getChannel()).map(BlockActionPayload.Channel::getId));
            Optional<String> ts = Optional.ofNullable(p.getContainer()).map(BlockActionPayload.Container::getMessageTs);
            Optional<SwapDecision> decision = id.flatMap(n -> swaps.cover(n, user, channel, ts));
            String refusal = decision.isEmpty() ? "That swap request is no longer on record."
                    : decision.get() instanceof SwapDecision.Rejected r ? r.reason() : null;
            if (refusal != null) {
                // The refusals name people only by the ids the request holds; nothing in them was typed by anyone.
                Set<UserId> named = SlackText.mentionedUsers(refusal).stream().collect(java.util.stream.Collectors.toSet());
                outbox.enqueue(new SlackEffect.Respond(user, responseUrl, Mrkdwn.escapeKeepingMentions(refusal, named), true), clock.instant());
            }
        } catch (RuntimeException e) {
            log.warn("the Cover button of a swap request could not be handled: {}", StoreFaults.describe(e));
        }
    }
}
