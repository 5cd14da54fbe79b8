package app.escalate.bot.outbox;

import app.escalate.storage.DeliveryOutcome;
import app.escalate.storage.FollowUp;

import java.time.Duration;
import java.util.Optional;

/** How one try at delivering an outbox effect (or running a job) went. */
public sealed interface DeliveryAttempt {

    /** Delivered, with nothing to record but that. */
    static DeliveryAttempt sent() {
        return new Delivered(new DeliveryOutcome.Sent(), FollowUp.NONE);
    }

    /** Delivered, and {@code then} is recorded with it (what the timeline says, what is to follow). */
    static DeliveryAttempt sent(FollowUp then) {
        return new Delivered(new DeliveryOutcome.Sent(), then);
    }

    static DeliveryAttempt sent(DeliveryOutcome outcome) {
        return new Delivered(outcome, FollowUp.NONE);
    }

    record Delivered(DeliveryOutcome outcome, FollowUp then) implements DeliveryAttempt {
    }

    /**
     * Worth trying again: after {@code after} when Slack said so (429 Retry-After), else with
     * backoff. {@code mayBeDone}: Slack may have done it anyway, so the next try looks first.
     */
    record Retry(Optional<Duration> after, String reason, boolean mayBeDone) implements DeliveryAttempt {
    }

    /** Refused for a reason retrying will not change; {@code then} is recorded with that (telling whoever asked). */
    record GiveUp(String reason, FollowUp then) implements DeliveryAttempt {
        public GiveUp(String reason) {
            this(reason, FollowUp.NONE);
        }
    }
}
