package app.escalate.storage;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;

/** The Events API deliveries already handled, so a redelivered event is handled once, on any replica. */
public final class JdbiEventLog {
    /** Slack retries a delivery within minutes; three days is far beyond that. */
    static final Duration KEEP = Duration.ofDays(3);

    private final Jdbi jdbi;

    public JdbiEventLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** True the first time {@code eventId} is seen (and records it); false for a redelivery. */
    public boolean firstTime(String eventId, Instant at) {
        return Sql.once(jdbi, h -> {
            h.createUpdate("DELETE FROM slack_events WHERE received_at < :cutoff").bind("cutoff", at.minus(KEEP)).execute();
            return h.createUpdate("INSERT INTO slack_events (event_id, received_at) VALUES (:id, :at)")
                    .bind("id", eventId).bind("at", at).execute() == 1;
        });
    }
}
