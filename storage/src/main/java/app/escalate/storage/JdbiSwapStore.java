package app.escalate.storage;

import app.escalate.commands.Level;
import app.escalate.commands.ShiftOverride;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.swap.SwapDecision;
import app.escalate.commands.swap.SwapRequest;
import app.escalate.commands.swap.SwapStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link SwapStore} on Jdbi. A press of Cover is decided with the request's row locked, and its
 * update is conditional on the state the decision saw, so of two presses at once exactly one wins;
 * the override it becomes and the messages it implies are written in the same transaction.
 */
public final class JdbiSwapStore implements SwapStore {
    private static final RowMapper<SwapRequest> ROW = (rs, ctx) -> new SwapRequest(rs.getLong("id"), rs.getString("rotation"),
            Level.valueOf(rs.getString("level")), new UserId(rs.getString("requester")),
            Optional.ofNullable(rs.getString("asked_of")).map(UserId::new), instant(rs.getObject("starts_at", OffsetDateTime.class)),
            instant(rs.getObject("ends_at", OffsetDateTime.class)), SwapRequest.State.valueOf(rs.getString("state")),
            Optional.ofNullable(rs.getString("coverer")).map(UserId::new),
            Optional.ofNullable(rs.getObject("override_id", Long.class)), instant(rs.getObject("created_at", OffsetDateTime.class)),
            instant(rs.getObject("remind_at", OffsetDateTime.class)),
            Optional.ofNullable(rs.getObject("reminded_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
            Optional.ofNullable(rs.getObject("closed_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
            posted(rs.getString("message_channel"), rs.getString("message_ts")));

    private final Jdbi jdbi;

    public JdbiSwapStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static Optional<SwapRequest.PostedAt> posted(String channel, String ts) {
        return ts == null || channel == null ? Optional.empty() : Optional.of(new SwapRequest.PostedAt(channel, ts));
    }

    private static Instant instant(OffsetDateTime t) {
        return t.toInstant();
    }

    @Override
    public SwapRequest open(SwapRequest d, Function<Long, List<SlackEffect>> effects) {
        return jdbi.inTransaction(h -> {
            Optional<SwapRequest> same = h.createQuery("""
                            SELECT * FROM swap_requests
                            WHERE state = 'OPEN' AND requester = :requester AND rotation = :rotation AND level = :level
                              AND starts_at = :from AND ends_at = :until""")
                    .bind("requester", d.requester().value()).bind("rotation", d.rotation()).bind("level", d.level().name())
                    .bind("from", d.from()).bind("until", d.until()).map(ROW).findFirst();
            if (same.isPresent()) return same.get();
            long id = h.createUpdate("""
                            INSERT INTO swap_requests (rotation, level, requester, asked_of, starts_at, ends_at, state, created_at, remind_at)
                            VALUES (:rotation, :level, :requester, :asked, :from, :until, 'OPEN', :at, :remind)""")
                    .bind("rotation", d.rotation()).bind("level", d.level().name()).bind("requester", d.requester().value())
                    .bind("asked", d.askedOf().map(UserId::value).orElse(null)).bind("from", d.from()).bind("until", d.until())
                    .bind("at", d.createdAt()).bind("remind", d.remindAt())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            new OutboxDao(h).enqueueAll(effects.apply(id), d.createdAt());
            return find(h, id).orElseThrow();
        });
    }

    @Override
    public Optional<SwapRequest> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    private static Optional<SwapRequest> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM swap_requests WHERE id = :id").bind("id", id).map(ROW).findOne();
    }

    @Override
    public Optional<SwapDecision> change(long id, Function<SwapRequest, SwapDecision> decide) {
        return jdbi.inTransaction(h -> {
            Optional<SwapRequest> locked = h.createQuery("SELECT * FROM swap_requests WHERE id = :id FOR UPDATE").bind("id", id)
                    .map(ROW).findOne();
            if (locked.isEmpty()) return Optional.empty();
            SwapDecision decision = decide.apply(locked.get());
            if (!(decision instanceof SwapDecision.Applied applied)) return Optional.of(decision);
            SwapRequest after = applied.after();
            Instant at = after.closedAt().or(after::remindedAt).orElseThrow();
            Long overrideId = applied.override().map(o -> addOverride(h, o)).orElse(after.overrideId().orElse(null));
            int updated = h.createUpdate("""
                            UPDATE swap_requests SET state = :state, coverer = :coverer, override_id = :override,
                                   reminded_at = :reminded, closed_at = :closed
                            WHERE id = :id AND state = :was""")
                    .bind("state", after.state().name()).bind("coverer", after.coverer().map(UserId::value).orElse(null))
                    .bind("override", overrideId).bind("reminded", after.remindedAt().orElse(null))
                    .bind("closed", after.closedAt().orElse(null)).bind("id", id).bind("was", locked.get().state().name()).execute();
            if (updated != 1) {
                // Settled by someone else between the read and the write (a database without row locks): nothing of this stands.
                h.rollback();
                return Optional.of(new SwapDecision.Rejected("Someone else answered this swap request just now."));
            }
            new OutboxDao(h).enqueueAll(applied.effects(), at);
            return Optional.of(decision);
        });
    }

    /** The override exactly as {@code JdbiOverrideStore#add} records one. */
    private static long addOverride(Handle h, ShiftOverride o) {
        return h.createUpdate("""
                        INSERT INTO oncall_overrides (rotation, level, user_id, starts_at, ends_at, created_by, created_at)
                        VALUES (:rotation, :level, :user, :from, :until, :by, :at)""")
                .bind("rotation", o.rotation()).bind("level", o.level().name()).bind("user", o.who().value())
                .bind("from", o.from()).bind("until", o.until()).bind("by", o.by().value()).bind("at", o.createdAt())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    @Override
    public List<SwapRequest> due(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM swap_requests
                        WHERE state = 'OPEN' AND (starts_at <= :now OR (reminded_at IS NULL AND remind_at <= :now))
                        ORDER BY starts_at, id""")
                .bind("now", now).map(ROW).list());
    }

    /** Where Slack says the request was posted, so it can be redrawn and clicks on it recognised. */
    static void posted(Handle h, long id, String channel, String ts) {
        h.createUpdate("UPDATE swap_requests SET message_channel = :channel, message_ts = :ts WHERE id = :id")
                .bind("channel", channel).bind("ts", ts).bind("id", id).execute();
    }
}
