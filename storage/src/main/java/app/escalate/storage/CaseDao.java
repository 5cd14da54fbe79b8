package app.escalate.storage;

import app.escalate.commands.Acknowledgement;
import app.escalate.commands.Case;
import app.escalate.commands.Resolution;
import app.escalate.commands.UserId;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SQL for the {@code cases} table, on one handle. Plain statements rather than a Jdbi SqlObject:
 * attaching a SqlObject builds a handler for each of its methods, which cost more than the
 * queries themselves on the command path.
 */
final class CaseDao {
    private static final CaseRowMapper CASE = new CaseRowMapper();
    private final Handle h;

    CaseDao(Handle h) {
        this.h = h;
    }

    long insert(String title, int severity, String state, String caseType, String surface, String reporter, Instant openedAt,
                boolean restricted) {
        return h.createUpdate("""
                        INSERT INTO cases (title, severity, state, case_type, surface, reporter, opened_at, restricted)
                        VALUES (:title, :severity, :state, :caseType, :surface, :reporter, :openedAt, :restricted)
                        """)
                .bind("title", title).bind("severity", severity).bind("state", state).bind("caseType", caseType)
                .bind("surface", surface).bind("reporter", reporter).bindByType("openedAt", openedAt, Instant.class)
                .bind("restricted", restricted)
                .executeAndReturnGeneratedKeys("case_number").mapTo(Long.class).one();
    }

    /** Writes what a change may alter; the channel and card are written by the outbox. */
    void update(Case c) {
        h.createUpdate("""
                        UPDATE cases SET severity = :severity, state = :state, case_type = :caseType, surface = :surface,
                               owner_id = :owner, acked_by = :ackedBy, acked_at = :ackedAt,
                               resolution = :resolution, root_cause = :rootCause, resolved_by = :resolvedBy, resolved_at = :resolvedAt
                        WHERE case_number = :number
                        """)
                .bind("number", c.id().number()).bind("severity", c.severity().level()).bind("state", c.state().name())
                .bind("caseType", c.caseType().orElse(null)).bind("surface", c.surface().orElse(null))
                .bind("owner", c.owner().map(UserId::value).orElse(null))
                .bind("ackedBy", c.acknowledged().map(a -> a.by().value()).orElse(null))
                .bindByType("ackedAt", c.acknowledged().map(Acknowledgement::at).orElse(null), Instant.class)
                .bind("resolution", c.resolution().map(Resolution::text).orElse(null))
                .bind("rootCause", c.resolution().flatMap(Resolution::rootCause).orElse(null))
                .bind("resolvedBy", c.resolution().map(r -> r.by().value()).orElse(null))
                .bindByType("resolvedAt", c.resolution().map(Resolution::at).orElse(null), Instant.class)
                .execute();
    }

    Optional<Case> find(long number) {
        return h.createQuery("SELECT * FROM cases WHERE case_number = :number").bind("number", number).map(CASE).findOne();
    }

    Optional<Case> findByChannel(String channelId) {
        return h.createQuery("SELECT * FROM cases WHERE channel_id = :channelId").bind("channelId", channelId).map(CASE).findOne();
    }

    List<Case> open() {
        return h.createQuery("SELECT * FROM cases WHERE state <> 'RESOLVED' ORDER BY severity, opened_at, case_number").map(CASE).list();
    }

    List<Case> openedBetween(Instant from, Instant until) {
        return h.createQuery("SELECT * FROM cases WHERE opened_at >= :from AND opened_at < :until ORDER BY opened_at, case_number")
                .bindByType("from", from, Instant.class).bindByType("until", until, Instant.class).map(CASE).list();
    }

    void attachChannel(long number, String channelId, String channelName) {
        h.createUpdate("UPDATE cases SET channel_id = :channelId, channel_name = :channelName WHERE case_number = :number")
                .bind("number", number).bind("channelId", channelId).bind("channelName", channelName).execute();
    }

    void setPaging(long number, int step, Instant nextAt) {
        h.createUpdate("UPDATE cases SET page_step = :step, next_page_at = :nextAt WHERE case_number = :number")
                .bind("number", number).bind("step", step).bindByType("nextAt", nextAt, Instant.class).execute();
    }

    List<Long> duePaging(Instant now) {
        return h.createQuery("""
                        SELECT case_number FROM cases
                        WHERE next_page_at <= :now AND acked_by IS NULL AND state <> 'RESOLVED'
                        ORDER BY next_page_at
                        """)
                .bindByType("now", now, Instant.class).mapTo(Long.class).list();
    }

    void recordCard(long number, String ts) {
        h.createUpdate("UPDATE cases SET card_ts = :ts WHERE case_number = :number").bind("number", number).bind("ts", ts).execute();
    }

    void recordSimilar(long number, String ts) {
        h.createUpdate("UPDATE cases SET similar_ts = :ts WHERE case_number = :number").bind("number", number).bind("ts", ts).execute();
    }

    Optional<String> similarTs(long number) {
        return h.createQuery("SELECT similar_ts FROM cases WHERE case_number = :number").bind("number", number).mapTo(String.class)
                .findOne().filter(ts -> ts != null);
    }

    Optional<String> cardTs(long number) {
        return h.createQuery("SELECT card_ts FROM cases WHERE case_number = :number").bind("number", number).mapTo(String.class).findOne();
    }
}
