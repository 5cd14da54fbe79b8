package app.escalate.bot.slack;

import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.bot.render.HandoffMessage;
import app.escalate.bot.render.Mrkdwn;
import app.escalate.bot.render.SlackMessage;
import app.escalate.commands.Handoff;
import app.escalate.commands.HandoffDigest;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.handoff.HandoffStore;
import app.escalate.config.Policy;
import app.escalate.config.Rotation;

import java.util.Optional;

/** Delivers handoff digests (from their stored snapshots), handoff notices, and replies to the Accept button. */
final class HandoffDelivery {
    private final SlackCalls calls;
    private final HandoffStore handoffs;
    private final Policy policy;

    HandoffDelivery(SlackCalls calls, HandoffStore handoffs, Policy policy) {
        this.calls = calls;
        this.handoffs = handoffs;
        this.policy = policy;
    }

    DeliveryAttempt post(SlackEffect.PostHandoff e) {
        HandoffDigest digest = handoffs.digest(e.handoffId(), e.forIncoming())
                .orElseThrow(() -> new SlackCalls.Refused("handoff " + e.handoffId() + " has no digest to post"));
        calls.postTo(e.to(), HandoffMessage.of(digest, Optional.of(e.handoffId())));
        return DeliveryAttempt.sent();
    }

    DeliveryAttempt notice(SlackEffect.HandoffNotice e) {
        Handoff h = handoffs.find(e.handoffId()).orElseThrow(() -> new SlackCalls.Refused("no handoff " + e.handoffId()));
        String rotation = policy.rotation(h.rotation()).map(Rotation::name).orElse(h.rotation());
        String text = switch (e.notice()) {
            case ACCEPTED -> HandoffMessage.accepted(h, rotation);
            case REMINDER -> HandoffMessage.reminder(h, rotation);
            case ESCALATION -> HandoffMessage.escalation(h, rotation);
        };
        calls.postTo(e.to(), SlackMessage.text(text));
        return DeliveryAttempt.sent();
    }

    /** The reply to a click; once the response URL has expired there is nowhere left to say it. */
    DeliveryAttempt respond(SlackEffect.Respond e) {
        if (calls.respond(e.responseUrl(), e.formatted() ? e.text() : Mrkdwn.escape(e.text()))) return DeliveryAttempt.sent();
        return new DeliveryAttempt.GiveUp("response_url: expired or not Slack's");
    }

}
