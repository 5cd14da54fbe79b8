package app.escalate.bot.slack;

import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.bot.render.ShiftReminderMessage;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.handoff.ShiftReminder;
import app.escalate.commands.handoff.ShiftReminderStore;
import app.escalate.config.Policy;
import app.escalate.config.Rotation;

import java.time.Clock;

/** Delivers shift reminders from their stored previews, by direct message. */
final class ShiftReminderDelivery {
    private final SlackCalls calls;
    private final ShiftReminderStore reminders;
    private final Policy policy;
    private final Clock clock;

    ShiftReminderDelivery(SlackCalls calls, ShiftReminderStore reminders, Policy policy, Clock clock) {
        this.calls = calls;
        this.reminders = reminders;
        this.policy = policy;
        this.clock = clock;
    }

    DeliveryAttempt post(SlackEffect.PostShiftReminder e) {
        ShiftReminder r = reminders.find(e.reminderId())
                .orElseThrow(() -> new SlackCalls.Refused("no shift reminder " + e.reminderId()));
        // Held up past the start (Slack down for the hour): the handoff digest has said it all by now.
        if (!clock.instant().isBefore(r.startsAt())) {
            return new DeliveryAttempt.GiveUp("the shift began at " + r.startsAt() + " before the reminder could be sent");
        }
        String rotation = policy.rotation(r.rotation()).map(Rotation::name).orElse(r.rotation());
        calls.postTo(e.to(), ShiftReminderMessage.of(r, rotation));
        return DeliveryAttempt.sent();
    }
}
