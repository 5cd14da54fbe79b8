package app.escalate.storage;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The signatures of requests already accepted, so the same signed request sent again (a replay)
 * is recognised on any replica. A signature stays while its timestamp could still be accepted.
 */
public final class JdbiSignedRequests {
    /** A timestamp is accepted five minutes either way: ten minutes in all, and a margin. */
    static final Duration KEEP = Duration.ofMinutes(11);
    /** Old signatures are cleared at most this often, not on every request. */
    private static final Duration PURGE_EVERY = Duration.ofSeconds(30);

    private final Jdbi jdbi;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    public JdbiSignedRequests(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** True the first time {@code signature} is seen (and records it); false for a replay. */
    public boolean firstTime(String signature, Instant signedAt, Instant now) {
        Instant last = lastPurge.get();
        if (now.isAfter(last.plus(PURGE_EVERY)) && lastPurge.compareAndSet(last, now)) {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM signed_requests WHERE signed_at < :cutoff").bind("cutoff", now.minus(KEEP)).execute());
        }
        return Sql.once(jdbi, h -> h.createUpdate("INSERT INTO signed_requests (signature, signed_at) VALUES (:s, :at)")
                .bind("s", signature).bind("at", signedAt).execute() == 1);
    }
}
