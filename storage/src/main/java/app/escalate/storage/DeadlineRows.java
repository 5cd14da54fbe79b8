package app.escalate.storage;

import app.escalate.commands.DeadlineEntry;
import app.escalate.commands.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code case_deadlines} rows of a case file: what its people said about its deadlines. */
final class DeadlineRows {
    private DeadlineRows() {
    }

    static List<DeadlineEntry> of(Handle h, long number) {
        return h.createQuery("SELECT * FROM case_deadlines WHERE case_number = :n ORDER BY name").bind("n", number).map(ENTRY).list();
    }

    /** Every open case's rows, by case number, in one query. */
    static Map<Long, List<DeadlineEntry>> ofOpenCases(Handle h) {
        Map<Long, List<DeadlineEntry>> out = new HashMap<>();
        h.createQuery("""
                        SELECT d.* FROM case_deadlines d JOIN cases c ON c.case_number = d.case_number
                        WHERE c.state <> 'RESOLVED' ORDER BY d.case_number, d.name""")
                .map((rs, ctx) -> Map.entry(rs.getLong("case_number"), ENTRY.map(rs, ctx)))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** Writes the entries that changed between {@code before} and {@code after} (entries are replaced, never removed). */
    static void write(Handle h, long number, List<DeadlineEntry> before, List<DeadlineEntry> after) {
        for (DeadlineEntry e : after) {
            Optional<DeadlineEntry> was = before.stream().filter(b -> b.name().equals(e.name())).findFirst();
            if (was.equals(Optional.of(e))) continue;
            if (was.isPresent()) {
                h.createUpdate("DELETE FROM case_deadlines WHERE case_number = :n AND name = :name").bind("n", number).bind("name", e.name())
                        .execute();
            }
            Optional<DeadlineEntry.Closed> closed = e.closed();
            h.createUpdate("""
                            INSERT INTO case_deadlines (case_number, name, due_at, set_at, set_by, closed, closed_at, closed_by, reason)
                            VALUES (:n, :name, :due, :setAt, :setBy, :closed, :closedAt, :closedBy, :reason)""")
                    .bind("n", number).bind("name", e.name())
                    .bindByType("due", e.due().orElse(null), Instant.class)
                    .bindByType("setAt", e.setAt(), Instant.class).bind("setBy", e.setBy().value())
                    .bind("closed", closed.map(c -> c.outcome().name()).orElse(null))
                    .bindByType("closedAt", closed.map(DeadlineEntry.Closed::at).orElse(null), Instant.class)
                    .bind("closedBy", closed.map(c -> c.by().value()).orElse(null))
                    .bind("reason", closed.flatMap(DeadlineEntry.Closed::reason).orElse(null))
                    .execute();
        }
    }

    private static final RowMapper<DeadlineEntry> ENTRY = (rs, ctx) -> {
        String closed = rs.getString("closed");
        Optional<DeadlineEntry.Closed> how = closed == null ? Optional.empty() : Optional.of(new DeadlineEntry.Closed(
                DeadlineEntry.Outcome.valueOf(closed), rs.getObject("closed_at", OffsetDateTime.class).toInstant(),
                new UserId(rs.getString("closed_by")), Optional.ofNullable(rs.getString("reason"))));
        return new DeadlineEntry(rs.getString("name"), Optional.ofNullable(rs.getObject("due_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                rs.getObject("set_at", OffsetDateTime.class).toInstant(), new UserId(rs.getString("set_by")), how);
    };
}
