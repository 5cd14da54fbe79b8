package app.escalate.storage;

import app.escalate.commands.UserId;
import app.escalate.commands.handoff.NewShiftReminder;
import app.escalate.commands.handoff.ShiftReminder;
import app.escalate.commands.handoff.ShiftReminderStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Optional;

/** {@link ShiftReminderStore} on Jdbi: a reminder and the outbox row of its direct message commit together, once. */
public final class JdbiShiftReminderStore implements ShiftReminderStore {
    private static final RowMapper<ShiftReminder> REMINDER = (rs, ctx) -> new ShiftReminder(rs.getLong("id"), rs.getString("rotation"),
            Sql.instant(rs, "starts_at").orElseThrow(), new UserId(rs.getString("person")), Sql.instant(rs, "reminded_at").orElseThrow(),
            DigestJson.read(rs.getString("preview")));

    private final Jdbi jdbi;

    public JdbiShiftReminderStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean reminded(String rotation, Instant startsAt, UserId person) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM shift_reminders WHERE rotation = :rotation AND starts_at = :starts AND person = :person""")
                .bind("rotation", rotation).bind("starts", startsAt).bind("person", person.value()).mapTo(Integer.class).one() > 0);
    }

    @Override
    public boolean record(NewShiftReminder n) {
        // The unique (rotation, starts_at, person) refuses a second row, and with it the second message.
        return Sql.once(jdbi, h -> {
            long id = h.createUpdate("""
                            INSERT INTO shift_reminders (rotation, starts_at, person, reminded_at, preview)
                            VALUES (:rotation, :starts, :person, :at, :preview)""")
                    .bind("rotation", n.rotation()).bind("starts", n.startsAt()).bind("person", n.person().value())
                    .bind("at", n.remindedAt()).bind("preview", DigestJson.write(n.preview()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            new OutboxDao(h).enqueueAll(n.effects().apply(id), n.remindedAt());
            return true;
        });
    }

    @Override
    public Optional<ShiftReminder> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM shift_reminders WHERE id = :id").bind("id", id).map(REMINDER).findOne());
    }
}
