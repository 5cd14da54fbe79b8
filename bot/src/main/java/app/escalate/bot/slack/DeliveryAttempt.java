package app.escalate.bot.slack;

import app.escalate.storage.DeliveryOutcome;

import java.time.Duration;
import java.util.Optional;

/** How one try at delivering an outbox effect went. */
public sealed interface DeliveryAttempt {

    /** Delivered, with nothing to record but that. */
    static DeliveryAttempt sent() {
        return new Delivered(new DeliveryOutcome.Sent());
    }

    record Delivered(DeliveryOutcome outcome) implements DeliveryAttempt {
    }

    /**
     * Worth trying again: after {@code after} when Slack said so (429 Retry-After), else with
     * backoff. {@code mayBeDone}: Slack may have done it anyway, so the next try looks first.
     */
    record Retry(Optional<Duration> after, String reason, boolean mayBeDone) implements DeliveryAttempt {
    }

    /** Slack refused it for a reason retrying will not change. */
    record GiveUp(String reason) implements DeliveryAttempt {
    }
}
