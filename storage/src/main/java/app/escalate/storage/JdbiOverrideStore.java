package app.escalate.storage;

import app.escalate.commands.Level;
import app.escalate.commands.ShiftOverride;
import app.escalate.commands.UserId;
import app.escalate.commands.oncall.OverrideStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** {@link OverrideStore} on Jdbi. */
public final class JdbiOverrideStore implements OverrideStore {
    private static final RowMapper<ShiftOverride> ROW = (rs, ctx) -> new ShiftOverride(rs.getLong("id"), rs.getString("rotation"),
            Level.valueOf(rs.getString("level")), new UserId(rs.getString("user_id")),
            rs.getObject("starts_at", OffsetDateTime.class).toInstant(), rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
            new UserId(rs.getString("created_by")), rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private final Jdbi jdbi;

    public JdbiOverrideStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @java.lang.Override
    public ShiftOverride add(ShiftOverride draft) {
        long id = jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO oncall_overrides (rotation, level, user_id, starts_at, ends_at, created_by, created_at)
                        VALUES (:rotation, :level, :user, :from, :until, :by, :at)""")
                .bind("rotation", draft.rotation()).bind("level", draft.level().name()).bind("user", draft.who().value())
                .bind("from", draft.from()).bind("until", draft.until()).bind("by", draft.by().value()).bind("at", draft.createdAt())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new ShiftOverride(id, draft.rotation(), draft.level(), draft.who(), draft.from(), draft.until(), draft.by(), draft.createdAt());
    }

    @java.lang.Override
    public List<ShiftOverride> active(Instant after) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM oncall_overrides
                        WHERE (removed_at IS NULL OR ends_at <= removed_at) AND ends_at > :after
                        ORDER BY created_at, id""")
                .bind("after", after).map(ROW).list());
    }

    @java.lang.Override
    public Optional<ShiftOverride> remove(long id, UserId by, Instant at) {
        return jdbi.inTransaction(h -> {
            Optional<ShiftOverride> found = h.createQuery("SELECT * FROM oncall_overrides WHERE id = :id AND removed_at IS NULL")
                    .bind("id", id).map(ROW).findOne();
            // An override in force ends now and keeps counting up to then; one still to come no longer counts.
            found.ifPresent(o -> h.createUpdate("""
                            UPDATE oncall_overrides SET removed_by = :by, removed_at = :at,
                                   ends_at = CASE WHEN starts_at < :at AND ends_at > :at THEN :at ELSE ends_at END
                            WHERE id = :id""")
                    .bind("by", by.value()).bind("at", at).bind("id", id).execute());
            return found;
        });
    }
}
