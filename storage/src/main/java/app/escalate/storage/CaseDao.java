package app.escalate.storage;

import app.escalate.commands.Acknowledgement;
import app.escalate.commands.Case;
import app.escalate.commands.Resolution;
import app.escalate.commands.UserId;
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
            INSERT INTO cases (title, severity, state, case_type, surface, reporter, opened_at, restricted)
            VALUES (:title, :severity, :state, :caseType, :surface, :reporter, :openedAt, :restricted)
            """)
    @GetGeneratedKeys("case_number")
    long insert(@Bind("title") String title, @Bind("severity") int severity, @Bind("state") String state,
                @Bind("caseType") String caseType, @Bind("surface") String surface, @Bind("reporter") String reporter,
                @Bind("openedAt") Instant openedAt, @Bind("restricted") boolean restricted);

    /** The case, locked until the transaction ends, so concurrent changes queue instead of overwriting each other. */
    @SqlQuery("SELECT * FROM cases WHERE case_number = :number FOR UPDATE")
    Optional<Case> lock(@Bind("number") long number);

    /** Writes what a change may alter; the channel and card are written by the outbox. */
    @SqlUpdate("""
            UPDATE cases SET severity = :severity, state = :state, owner_id = :owner, acked_by = :ackedBy, acked_at = :ackedAt,
                   resolution = :resolution, root_cause = :rootCause, resolved_by = :resolvedBy, resolved_at = :resolvedAt
            WHERE case_number = :number
            """)
    int update(@Bind("number") long number, @Bind("severity") int severity, @Bind("state") String state,
               @Bind("owner") String owner, @Bind("ackedBy") String ackedBy, @Bind("ackedAt") Instant ackedAt,
               @Bind("resolution") String resolution, @Bind("rootCause") String rootCause,
               @Bind("resolvedBy") String resolvedBy, @Bind("resolvedAt") Instant resolvedAt);

    default void update(Case c) {
        update(c.id().number(), c.severity().level(), c.state().name(),
                c.owner().map(UserId::value).orElse(null),
                c.acknowledged().map(a -> a.by().value()).orElse(null),
                c.acknowledged().map(Acknowledgement::at).orElse(null),
                c.resolution().map(Resolution::text).orElse(null),
                c.resolution().flatMap(Resolution::rootCause).orElse(null),
                c.resolution().map(r -> r.by().value()).orElse(null),
                c.resolution().map(Resolution::at).orElse(null));
    }

    @SqlQuery("SELECT * FROM cases WHERE case_number = :number")
    Optional<Case> find(@Bind("number") long number);

    @SqlQuery("SELECT * FROM cases WHERE channel_id = :channelId")
    Optional<Case> findByChannel(@Bind("channelId") String channelId);

    @SqlQuery("SELECT * FROM cases WHERE state <> 'RESOLVED' ORDER BY severity, opened_at, case_number")
    List<Case> open();

    @SqlQuery("SELECT * FROM cases WHERE opened_at >= :from AND opened_at < :until ORDER BY opened_at, case_number")
    List<Case> openedBetween(@Bind("from") Instant from, @Bind("until") Instant until);

    @SqlUpdate("UPDATE cases SET channel_id = :channelId, channel_name = :channelName WHERE case_number = :number")
    int attachChannel(@Bind("number") long number, @Bind("channelId") String channelId,
                      @Bind("channelName") String channelName);

    @SqlUpdate("UPDATE cases SET page_step = :step, next_page_at = :nextAt WHERE case_number = :number")
    int setPaging(@Bind("number") long number, @Bind("step") int step, @Bind("nextAt") Instant nextAt);

    @SqlQuery("""
            SELECT case_number FROM cases
            WHERE next_page_at <= :now AND acked_by IS NULL AND state <> 'RESOLVED'
            ORDER BY next_page_at
            """)
    List<Long> duePaging(@Bind("now") Instant now);

    @SqlUpdate("UPDATE cases SET card_ts = :ts WHERE case_number = :number")
    int recordCard(@Bind("number") long number, @Bind("ts") String ts);

    @SqlQuery("SELECT card_ts FROM cases WHERE case_number = :number")
    Optional<String> cardTs(@Bind("number") long number);
}
