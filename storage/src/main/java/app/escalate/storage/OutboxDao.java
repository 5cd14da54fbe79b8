package app.escalate.storage;

import app.escalate.commands.SlackEffect;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;

/** SQL for the {@code outbox} table. */
interface OutboxDao {

    @SqlUpdate("""
            INSERT INTO outbox (stream, kind, payload, status, attempts, created_at, next_attempt_at)
            VALUES (:stream, :kind, :payload, 'PENDING', 0, :at, :at)
            """)
    void insert(@Bind("stream") String stream, @Bind("kind") String kind, @Bind("payload") String payload,
                @Bind("at") Instant at);

    /** Queues one effect in its stream, due at once. */
    default void enqueue(SlackEffect effect, Instant at) {
        EffectCodec.Encoded encoded = EffectCodec.encode(effect);
        insert(EffectCodec.streamOf(effect), encoded.kind(), encoded.payload(), at);
    }

    /** Queues each effect in order, in the transaction of the decision that implies them. */
    default void enqueueAll(java.util.List<SlackEffect> effects, Instant at) {
        effects.forEach(effect -> enqueue(effect, at));
    }

    /**
     * The head of each stream that is due and not leased: only a stream's lowest pending row may go.
     * The heads are found once per query (one pass over the pending rows), not once per pending row,
     * which with a backlog of thousands made every poll quadratic.
     */
    @SqlQuery("""
            SELECT o.id FROM (SELECT MIN(p.id) AS id FROM outbox p WHERE p.status = 'PENDING' GROUP BY p.stream) h
            JOIN outbox o ON o.id = h.id
            WHERE o.next_attempt_at <= :now
              AND (o.lease_until IS NULL OR o.lease_until < :now)
            ORDER BY o.next_attempt_at, o.id
            LIMIT :limit
            """)
    List<Long> dueHeads(@Bind("now") Instant now, @Bind("limit") int limit);

    /** Takes the row for this worker; 0 when another worker got there first. */
    @SqlUpdate("""
            UPDATE outbox SET lease_until = :until, lease_owner = :owner, leases = leases + 1
            WHERE id = :id AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < :now)
            """)
    int lease(@Bind("id") long id, @Bind("now") Instant now, @Bind("until") Instant until, @Bind("owner") String owner);

    @SqlQuery("SELECT id, stream, kind, payload, attempts, leases, answered FROM outbox WHERE id = :id")
    @RegisterConstructorMapper(OutboxEntry.Row.class)
    OutboxEntry.Row row(@Bind("id") long id);

    // The result of a try is recorded only by the worker that still holds the lease: one whose lease
    // ran out and was taken over changes nothing (0 rows), so its late answer cannot undo the new holder's.

    @SqlUpdate("""
            UPDATE outbox SET status = 'DONE', done_at = :at, lease_until = NULL, lease_owner = NULL, attempts = attempts + 1,
                   answered = answered + 1
            WHERE id = :id AND status = 'PENDING' AND lease_owner = :owner
            """)
    int done(@Bind("id") long id, @Bind("at") Instant at, @Bind("owner") String owner);

    @SqlUpdate("""
            UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :next, lease_until = NULL, lease_owner = NULL,
                   last_error = :error, answered = answered + CASE WHEN :mayBeDone THEN 0 ELSE 1 END
            WHERE id = :id AND status = 'PENDING' AND lease_owner = :owner
            """)
    int retryAt(@Bind("id") long id, @Bind("next") Instant next, @Bind("error") String error, @Bind("mayBeDone") boolean mayBeDone,
                @Bind("owner") String owner);

    @SqlUpdate("""
            UPDATE outbox SET status = 'FAILED', attempts = attempts + 1, answered = answered + 1, done_at = :at,
                   lease_until = NULL, lease_owner = NULL, last_error = :error
            WHERE id = :id AND status = 'PENDING' AND lease_owner = :owner
            """)
    int failed(@Bind("id") long id, @Bind("at") Instant at, @Bind("error") String error, @Bind("owner") String owner);

    @SqlUpdate("""
            UPDATE outbox SET lease_until = NULL, lease_owner = NULL, leases = leases - 1
            WHERE id = :id AND status = 'PENDING' AND lease_owner = :owner
            """)
    int release(@Bind("id") long id, @Bind("owner") String owner);

    @SqlQuery("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'")
    long pending();

    @SqlQuery("SELECT COUNT(*) FROM outbox WHERE status = 'FAILED'")
    long failedCount();
}
