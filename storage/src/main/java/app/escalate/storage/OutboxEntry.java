package app.escalate.storage;

import app.escalate.commands.SlackEffect;

/** A leased outbox row: deliver {@code effect}, then report back to {@link Outbox}. */
public record OutboxEntry(long id, SlackEffect effect, int attempts) {

    record Row(long id, String stream, String kind, String payload, int attempts) {
        /** Decodes the stored effect; throws for a row this version cannot read. */
        OutboxEntry entry() {
            return new OutboxEntry(id, EffectCodec.decode(kind, payload), attempts);
        }
    }
}
