package app.escalate.bot.slack;

import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.bot.render.SlackMessage;
import app.escalate.bot.render.SwapMessage;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.swap.SwapRequest;
import app.escalate.commands.swap.SwapStore;
import app.escalate.config.Policy;
import app.escalate.config.Rotation;
import app.escalate.storage.DeliveryOutcome;

/** Delivers a swap request's messages, each rendered from the request as it stands at delivery. */
final class SwapDelivery {
    private final SlackCalls calls;
    private final SwapStore swaps;
    private final Policy policy;

    SwapDelivery(SlackCalls calls, SwapStore swaps, Policy policy) {
        this.calls = calls;
        this.swaps = swaps;
        this.policy = policy;
    }

    DeliveryAttempt deliver(SlackEffect.SwapNotice e) {
        SwapRequest r = swaps.find(e.swapId()).orElseThrow(() -> new SlackCalls.Refused("no swap request " + e.swapId()));
        String rotation = policy.rotation(r.rotation()).map(Rotation::name).orElse(r.rotation());
        return switch (e.notice()) {
            case REQUEST -> {
                SlackCalls.Posted posted = calls.post(e.to(), SwapMessage.request(r, rotation));
                yield DeliveryAttempt.sent(new DeliveryOutcome.SwapPosted(r.id(), posted.channel(), posted.ts()));
            }
            case UPDATE -> update(r, rotation);
            case REMINDER -> post(e.to(), SwapMessage.reminder(r, rotation));
            case COVERED -> post(e.to(), SwapMessage.covered(r, rotation));
            case COVERER -> post(e.to(), SwapMessage.coverer(r, rotation));
            case EXPIRED -> post(e.to(), SwapMessage.expired(r, rotation));
        };
    }

    /** Redraws the posted request (no button once settled); a request Slack never took has nothing to redraw. */
    private DeliveryAttempt update(SwapRequest r, String rotation) {
        if (r.message().isEmpty()) return DeliveryAttempt.sent();
        SlackMessage message = SwapMessage.request(r, rotation);
        var res = calls.call("chat.update", () -> calls.methods().chatUpdate(u -> u.channel(r.message().get().channel())
                .ts(r.message().get().ts()).text(message.text()).blocks(message.blocks())));
        if (res.isOk()) return DeliveryAttempt.sent();
        throw SlackCalls.refused("chat.update", res);
    }

    private DeliveryAttempt post(String to, String text) {
        calls.postTo(to, SlackMessage.text(text));
        return DeliveryAttempt.sent();
    }
}
