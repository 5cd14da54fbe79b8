package app.escalate.bot.outbox;

import app.escalate.storage.OutboxEntry;

/** Performs one leased outbox entry: a Slack call, or a job. */
public interface Delivery {
    DeliveryAttempt deliver(OutboxEntry entry);
}
