package app.escalate.storage;

import app.escalate.commands.Case;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for the {@code cases} table. */
@RegisterRowMapper(CaseRowMapper.class)
interface CaseDao {

    @SqlUpdate("""
            INSERT INTO cases (title, severity, state, case_type, reporter, opened_at)
            VALUES (:title, :severity, :state, :caseType, :reporter, :openedAt)
            """)
    @GetGeneratedKeys("case_number")
    long insert(@Bind("title") String title, @Bind("severity") int severity, @Bind("state") String state,
                @Bind("caseType") String caseType, @Bind("reporter") String reporter, @Bind("openedAt") Instant openedAt);

    @SqlQuery("SELECT * FROM cases WHERE case_number = :number")
    Optional<Case> find(@Bind("number") long number);

    @SqlQuery("SELECT * FROM cases WHERE channel_id = :channelId")
    Optional<Case> findByChannel(@Bind("channelId") String channelId);

    @SqlQuery("SELECT * FROM cases WHERE state <> 'RESOLVED' ORDER BY severity, opened_at, case_number")
    List<Case> open();

    @SqlUpdate("UPDATE cases SET channel_id = :channelId, channel_name = :channelName WHERE case_number = :number")
    int attachChannel(@Bind("number") long number, @Bind("channelId") String channelId,
                      @Bind("channelName") String channelName);

    @SqlUpdate("UPDATE cases SET card_ts = :ts WHERE case_number = :number")
    int recordCard(@Bind("number") long number, @Bind("ts") String ts);

    @SqlQuery("SELECT card_ts FROM cases WHERE case_number = :number")
    Optional<String> cardTs(@Bind("number") long number);
}
