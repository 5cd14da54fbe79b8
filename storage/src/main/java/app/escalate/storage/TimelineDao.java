package app.escalate.storage;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.UserId;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** SQL for the append-only {@code case_events} table; there is no update and no delete. */
@RegisterRowMapper(TimelineDao.EventMapper.class)
interface TimelineDao {

    @SqlUpdate("""
            INSERT INTO case_events (case_number, occurred_at, actor, kind, data)
            VALUES (:number, :at, :actor, :kind, :data)
            """)
    void insert(@Bind("number") long number, @Bind("at") Instant at, @Bind("actor") String actor,
                @Bind("kind") String kind, @Bind("data") String data);

    default void append(CaseEvent event) {
        insert(event.caseId().number(), event.at(), event.actor().value(), event.kind().name(), Json.write(event.data()));
    }

    @SqlQuery("SELECT * FROM case_events WHERE case_number = :number ORDER BY id")
    List<CaseEvent> forCase(@Bind("number") long number);

    final class EventMapper implements RowMapper<CaseEvent> {
        @Override
        public CaseEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new CaseEvent(new CaseId(rs.getLong("case_number")),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    new UserId(rs.getString("actor")),
                    CaseEvent.Kind.valueOf(rs.getString("kind")),
                    Json.read(rs.getString("data")));
        }
    }
}
