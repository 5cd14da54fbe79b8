package app.escalate.storage;

import app.escalate.commands.SlackEffect;

/**
 * A leased outbox row: deliver {@code effect}, then report back to {@link Outbox}.
 * {@code mayBeDone} says an earlier try ended without a known outcome (its process died during
 * the call, or the call timed out or got a server error), so Slack may already have done it:
 * delivery looks before it repeats.
 */
public record OutboxEntry(long id, SlackEffect effect, int attempts, boolean mayBeDone) {

    record Row(long id, String stream, String kind, String payload, int attempts, int leases, int answered) {
        /** Decodes the stored effect; throws for a row this version cannot read. */
        OutboxEntry entry() {
            // This lease is one; every earlier one should have ended with a known outcome.
            return new OutboxEntry(id, EffectCodec.decode(kind, payload), attempts, leases - 1 > answered);
        }
    }
}
