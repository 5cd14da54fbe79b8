package app.escalate.storage;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The search index's durable half: each case's searchable text and embedding, and a mark in the
 * timeline. Every event after the mark names a case whose text may have changed; the indexer reads
 * them in batches, re-indexes those cases and moves the mark in the same transaction, so a crash
 * repeats at most one batch and a fresh database (or one from before search) is indexed from its first event.
 */
public final class JdbiCaseSearch {
    private static final String MARK = "cases";

    private final Jdbi jdbi;

    public JdbiCaseSearch(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One case as indexed. */
    public record Indexed(long caseNumber, String text, float[] vector) {
    }

    /** The cases named by up to {@code limit} events after the mark, in the order first named, and the last of those events. */
    public record Changed(List<Long> caseNumbers, long upTo) {
    }

    public long mark() {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_event_id FROM search_progress WHERE name = :n").bind("n", MARK)
                .mapTo(Long.class).findOne().orElse(0L));
    }

    public Changed changedAfter(long mark, int limit) {
        Set<Long> cases = new LinkedHashSet<>();
        long[] last = {mark};
        jdbi.useHandle(h -> h.createQuery("SELECT id, case_number FROM case_events WHERE id > :mark ORDER BY id")
                .bind("mark", mark).setMaxRows(limit)
                .map((rs, ctx) -> new long[]{rs.getLong(1), rs.getLong(2)})
                .forEach(row -> {
                    last[0] = row[0];
                    cases.add(row[1]);
                }));
        return new Changed(new ArrayList<>(cases), last[0]);
    }

    /** Stores {@code rows} (replacing what each case had) and moves the mark to {@code upTo}, in one transaction. */
    public void store(List<Indexed> rows, long upTo, Instant at) {
        jdbi.useTransaction(h -> {
            if (!rows.isEmpty()) {
                PreparedBatch delete = h.prepareBatch("DELETE FROM case_search WHERE case_number = :c");
                rows.forEach(r -> delete.bind("c", r.caseNumber()).add());
                delete.execute();
                PreparedBatch insert = h.prepareBatch("INSERT INTO case_search (case_number, body, vector, indexed_at) VALUES (:c, :body, :v, :at)");
                rows.forEach(r -> insert.bind("c", r.caseNumber()).bind("body", r.text()).bind("v", bytes(r.vector())).bind("at", at).add());
                insert.execute();
            }
            if (h.createUpdate("UPDATE search_progress SET last_event_id = :id WHERE name = :n").bind("id", upTo).bind("n", MARK).execute() == 0) {
                h.createUpdate("INSERT INTO search_progress (name, last_event_id) VALUES (:n, :id)").bind("n", MARK).bind("id", upTo).execute();
            }
        });
    }

    /** Every indexed case, for loading the index at start; the latest time a row was written, if any. */
    public java.util.Optional<Instant> forEach(Consumer<Indexed> each) {
        return forEachSince(Instant.EPOCH, each);
    }

    /**
     * The cases indexed at or after {@code from} (by any process sharing the database), so each
     * process's index takes in what another indexed; the latest time among them, if any.
     */
    public java.util.Optional<Instant> forEachSince(Instant from, Consumer<Indexed> each) {
        Instant[] latest = {null};
        jdbi.useHandle(h -> h.createQuery("SELECT case_number, body, vector, indexed_at FROM case_search WHERE indexed_at >= :from ORDER BY case_number")
                .bind("from", from).setFetchSize(500)
                .map((rs, ctx) -> {
                    Instant at = rs.getObject(4, java.time.OffsetDateTime.class).toInstant();
                    if (latest[0] == null || at.isAfter(latest[0])) latest[0] = at;
                    return new Indexed(rs.getLong(1), rs.getString(2), floats(rs.getBytes(3)));
                })
                .forEach(each));
        return java.util.Optional.ofNullable(latest[0]);
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : vector) buffer.putFloat(f);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.length / Float.BYTES];
        for (int i = 0; i < vector.length; i++) vector[i] = buffer.getFloat();
        return vector;
    }
}
