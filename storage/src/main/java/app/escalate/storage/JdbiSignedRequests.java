package app.escalate.storage;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signatures of requests already accepted, so the same signed request sent again (a replay)
 * is recognised after a restart and on any replica. A signature stays while its timestamp could
 * still be accepted.
 */
public final class JdbiSignedRequests {
    /** A timestamp is accepted five minutes either way: ten minutes in all, and a margin. */
    public static final Duration KEEP = Duration.ofMinutes(11);

    private final Jdbi jdbi;

    public JdbiSignedRequests(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** True the first time {@code signature} is recorded, by any replica; false for a replay. One transaction. */
    public boolean firstTime(String signature, Instant signedAt) {
        return Sql.once(jdbi, h -> h.createUpdate("INSERT INTO signed_requests (signature, signed_at) VALUES (:s, :at)")
                .bind("s", signature).bind("at", signedAt).execute() == 1);
    }

    /** Records signatures already known to be new, in one transaction; any recorded meanwhile are left as they are. */
    public void recordAll(Map<String, Instant> signatures) {
        if (signatures.isEmpty()) return;
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO signed_requests (signature, signed_at)
                    SELECT :s, :at WHERE NOT EXISTS (SELECT 1 FROM signed_requests WHERE signature = :s)""");
            signatures.forEach((s, at) -> batch.bind("s", s).bind("at", at).add());
            batch.execute();
        });
    }

    /** The signatures signed at or after {@code since}, for a process starting up. */
    public Map<String, Instant> since(Instant since) {
        Map<String, Instant> known = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT signature, signed_at FROM signed_requests WHERE signed_at >= :since")
                .bind("since", since)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .forEach(e -> known.put(e.getKey(), e.getValue())));
        return known;
    }

    /** Forgets signatures too old to be accepted again. */
    public void forgetBefore(Instant cutoff) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM signed_requests WHERE signed_at < :cutoff").bind("cutoff", cutoff).execute());
    }
}
