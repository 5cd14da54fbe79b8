package app.escalate.storage;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** SQL for the append-only {@code case_events} table, on one handle; there is no update and no delete. */
final class TimelineDao {
    static final RowMapper<CaseEvent> EVENT = (rs, ctx) -> new CaseEvent(new CaseId(rs.getLong("case_number")),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            new UserId(rs.getString("actor")),
            EventFields.read(CaseEvent.Kind.valueOf(rs.getString("kind")), Json.read(rs.getString("data"))));
    private final Handle h;

    TimelineDao(Handle h) {
        this.h = h;
    }

    void append(CaseEvent event) {
        h.createUpdate("""
                        INSERT INTO case_events (case_number, occurred_at, actor, kind, data)
                        VALUES (:number, :at, :actor, :kind, :data)
                        """)
                .bind("number", event.caseId().number()).bindByType("at", event.at(), Instant.class)
                .bind("actor", event.actor().value()).bind("kind", event.kind().name()).bind("data", Json.write(EventFields.of(event.data())))
                .execute();
    }

    List<CaseEvent> forCase(long number) {
        return h.createQuery("SELECT * FROM case_events WHERE case_number = :number ORDER BY id").bind("number", number).map(EVENT).list();
    }
}
