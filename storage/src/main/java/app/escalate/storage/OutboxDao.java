package app.escalate.storage;

import app.escalate.commands.SlackEffect;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/** SQL for the {@code outbox} table, on one handle. */
final class OutboxDao {
    private final Handle h;

    OutboxDao(Handle h) {
        this.h = h;
    }

    /** Queues effects that follow no change to a case, in a transaction of their own. */
    static void enqueue(org.jdbi.v3.core.Jdbi jdbi, List<SlackEffect> effects, Instant at) {
        jdbi.useTransaction(h -> new OutboxDao(h).enqueueAll(effects, at));
    }

    /** Queues each effect in order, in the transaction of the decision that implies them, as one batch. */
    void enqueueAll(List<SlackEffect> effects, Instant at) {
        if (effects.isEmpty()) return;
        var batch = h.prepareBatch("""
                INSERT INTO outbox (stream, kind, payload, status, attempts, created_at, next_attempt_at)
                VALUES (:stream, :kind, :payload, 'PENDING', 0, :at, :at)
                """);
        for (SlackEffect effect : effects) {
            EffectCodec.Encoded encoded = EffectCodec.encode(effect);
            batch.bind("stream", effect.stream()).bind("kind", encoded.kind()).bind("payload", encoded.payload())
                    .bindByType("at", at, Instant.class).add();
        }
        batch.execute();
        // The workers are woken once the rows can be seen: after the commit, or at once outside a transaction.
        OutboxSignal signal = h.getConfig(OutboxSignal.class);
        if (h.isInTransaction()) h.afterCommit(signal::fire);
        else signal.fire();
    }

    /** A pending row as the search for stream heads sees it. */
    record Pending(long id, String stream, Instant nextAttemptAt, Instant leaseUntil) {
        boolean isDue(Instant now) {
            return !nextAttemptAt.isAfter(now) && (leaseUntil == null || leaseUntil.isBefore(now));
        }
    }

    /** Up to {@code page} pending rows of the streams {@code where} picks, with ids above {@code after}, oldest first. */
    List<Pending> pendingAfter(String where, long after, int page) {
        return h.createQuery("SELECT id, stream, next_attempt_at, lease_until FROM outbox"
                        + " WHERE status = 'PENDING' AND id > :after AND " + where + " ORDER BY id LIMIT :page")
                .bind("after", after).bind("page", page)
                .map((rs, ctx) -> new Pending(rs.getLong("id"), rs.getString("stream"),
                        rs.getObject("next_attempt_at", java.time.OffsetDateTime.class).toInstant(),
                        Sql.instant(rs, "lease_until").orElse(null)))
                .list();
    }

    /**
     * Takes the row for this worker; 0 when another worker got there first or it is no longer due
     * (another worker has just put it off, say for a Retry-After).
     */
    /** Extends this worker's lease on a row it is delivering; 0 when the lease is no longer its own (or the row is done). */
    int renew(long id, Instant until, String owner) {
        return h.createUpdate("UPDATE outbox SET lease_until = :until WHERE id = :id AND status = 'PENDING' AND lease_owner = :owner")
                .bind("id", id).bindByType("until", until, Instant.class).bind("owner", owner).execute();
    }

    int lease(long id, Instant now, Instant until, String owner) {
        return h.createUpdate("""
                        UPDATE outbox SET lease_until = :until, lease_owner = :owner, leases = leases + 1
                        WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now
                          AND (lease_until IS NULL OR lease_until < :now)
                        """)
                .bind("id", id).bindByType("now", now, Instant.class).bindByType("until", until, Instant.class).bind("owner", owner)
                .execute();
    }

    OutboxEntry.Row row(long id) {
        return h.createQuery("SELECT id, stream, kind, payload, attempts, leases, answered FROM outbox WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new OutboxEntry.Row(rs.getLong("id"), rs.getString("stream"), rs.getString("kind"),
                        rs.getString("payload"), rs.getInt("attempts"), rs.getInt("leases"), rs.getInt("answered")))
                .one();
    }

    // The result of a try is recorded only by the worker that still holds the lease: one whose lease
    // ran out and was taken over changes nothing (0 rows), so its late answer cannot undo the new holder's.

    int done(long id, Instant at, String owner) {
        return h.createUpdate("""
                        UPDATE outbox SET status = 'DONE', done_at = :at, lease_until = NULL, lease_owner = NULL, attempts = attempts + 1,
                               answered = answered + 1
                        WHERE id = :id AND status = 'PENDING' AND lease_owner = :owner
                        """)
                .bind("id", id).bindByType("at", at, Instant.class).bind("owner", owner).execute();
    }

    int retryAt(long id, Instant next, String error, boolean mayBeDone, String owner) {
        return h.createUpdate("""
                        UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :next, lease_until = NULL, lease_owner = NULL,
                               last_error = :error, answered = answered + CASE WHEN :mayBeDone THEN 0 ELSE 1 END
                        WHERE id = :id AND status = 'PENDING' AND lease_owner = :owner
                        """)
                .bind("id", id).bindByType("next", next, Instant.class).bind("error", error).bind("mayBeDone", mayBeDone)
                .bind("owner", owner).execute();
    }

    int failed(long id, Instant at, String error, String owner) {
        return h.createUpdate("""
                        UPDATE outbox SET status = 'FAILED', attempts = attempts + 1, answered = answered + 1, done_at = :at,
                               lease_until = NULL, lease_owner = NULL, last_error = :error
                        WHERE id = :id AND status = 'PENDING' AND lease_owner = :owner
                        """)
                .bind("id", id).bindByType("at", at, Instant.class).bind("error", error).bind("owner", owner).execute();
    }

    int release(long id, String owner) {
        return h.createUpdate("""
                        UPDATE outbox SET lease_until = NULL, lease_owner = NULL, leases = leases - 1
                        WHERE id = :id AND status = 'PENDING' AND lease_owner = :owner
                        """)
                .bind("id", id).bind("owner", owner).execute();
    }

    long pending() {
        return h.createQuery("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'").mapTo(Long.class).one();
    }

    long failedCount() {
        return h.createQuery("SELECT COUNT(*) FROM outbox WHERE status = 'FAILED'").mapTo(Long.class).one();
    }

    /** How many cases have an effect of {@code kinds} given up on. */
    long failedCases(List<String> kinds) {
        return h.createQuery("SELECT COUNT(DISTINCT stream) FROM outbox WHERE status = 'FAILED' AND kind IN (<kinds>) AND stream LIKE 'case:%'")
                .bindList("kinds", kinds).mapTo(Long.class).one();
    }

    /** The newest effects of {@code kinds} given up on: their stream, kind and Slack's error. */
    List<String[]> failed(List<String> kinds, int limit) {
        return h.createQuery("SELECT stream, kind, last_error FROM outbox WHERE status = 'FAILED' AND kind IN (<kinds>) ORDER BY id DESC LIMIT :n")
                .bindList("kinds", kinds).bind("n", limit)
                .map((rs, ctx) -> new String[]{rs.getString("stream"), rs.getString("kind"), rs.getString("last_error")}).list();
    }
}
