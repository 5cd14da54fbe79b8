package app.escalate.storage;

import app.escalate.commands.Handoff;
import app.escalate.commands.HandoffDigest;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;
import app.escalate.commands.handoff.HandoffDecision;
import app.escalate.commands.handoff.HandoffEvent;
import app.escalate.commands.handoff.HandoffNote;
import app.escalate.commands.handoff.HandoffStore;
import app.escalate.commands.handoff.NewHandoff;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@link HandoffStore} on Jdbi: a handoff, its events, its effects and the rotation's mark commit together. */
public final class JdbiHandoffStore implements HandoffStore {
    private static final Logger log = LoggerFactory.getLogger(JdbiHandoffStore.class);
    private static final RowMapper<Handoff> HANDOFF = (rs, ctx) -> new Handoff(rs.getLong("id"), rs.getString("rotation"),
            Sql.instant(rs, "due_at").orElseThrow(), Sql.instant(rs, "posted_at").orElseThrow(),
            Optional.ofNullable(rs.getString("outgoing")).map(UserId::new), new UserId(rs.getString("incoming")),
            rs.getBoolean("weekend"), rs.getBoolean("late"), Handoff.Status.valueOf(rs.getString("status")),
            Optional.ofNullable(rs.getString("accepted_by")).map(UserId::new), Sql.instant(rs, "accepted_at"),
            Sql.instant(rs, "reminded_at"), Sql.instant(rs, "escalated_at"));
    private static final RowMapper<HandoffEvent> EVENT = (rs, ctx) -> new HandoffEvent(rs.getLong("handoff_id"),
            Sql.instant(rs, "occurred_at").orElseThrow(), Optional.ofNullable(rs.getString("actor")).map(UserId::new),
            HandoffEvent.Kind.valueOf(rs.getString("kind")), rs.getString("detail"));
    private static final RowMapper<HandoffNote> NOTE = (rs, ctx) -> new HandoffNote(Optional.ofNullable(rs.getString("rotation")),
            new UserId(rs.getString("author")), rs.getString("text"), Sql.instant(rs, "created_at").orElseThrow());

    private final Jdbi jdbi;

    public JdbiHandoffStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Instant> checkedUntil(String rotation) {
        return jdbi.withHandle(h -> h.createQuery("SELECT checked_until FROM handoff_marks WHERE rotation = :r")
                .bind("r", rotation).mapTo(OffsetDateTime.class).findOne().map(OffsetDateTime::toInstant));
    }

    @Override
    public boolean record(String rotation, Optional<Instant> seen, Instant until, List<NewHandoff> handoffs) {
        boolean[] markMoved = {false};
        boolean recorded = Sql.once(jdbi, h -> {
            if (!moveMark(h, rotation, seen, until)) {
                markMoved[0] = true;
                return false;
            }
            for (NewHandoff n : handoffs) {
                if (exists(h, rotation, n.dueAt())) continue; // recorded by an earlier sweep; never twice
                if (n.status() == Handoff.Status.PENDING) supersede(h, rotation, until);
                insert(h, n, until);
            }
            return true;
        });
        // Either another replica's sweep moved the mark, or it wrote the same mark or handoff at the same moment.
        if (!recorded) log.info("handoff sweep of {}: another replica {} first", rotation, markMoved[0] ? "moved the mark" : "recorded it");
        return recorded;
    }

    private static boolean moveMark(Handle h, String rotation, Optional<Instant> seen, Instant until) {
        if (seen.isEmpty()) {
            return h.createUpdate("INSERT INTO handoff_marks (rotation, checked_until) VALUES (:r, :until)")
                    .bind("r", rotation).bind("until", until).execute() == 1;
        }
        return h.createUpdate("UPDATE handoff_marks SET checked_until = :until WHERE rotation = :r AND checked_until = :seen")
                .bind("r", rotation).bind("until", until).bind("seen", seen.get()).execute() == 1;
    }

    private static boolean exists(Handle h, String rotation, Instant dueAt) {
        return h.createQuery("SELECT COUNT(*) FROM handoffs WHERE rotation = :r AND due_at = :due")
                .bind("r", rotation).bind("due", dueAt).mapTo(Integer.class).one() > 0;
    }

    private static void supersede(Handle h, String rotation, Instant at) {
        List<Long> pending = h.createQuery("SELECT id FROM handoffs WHERE rotation = :r AND status = 'PENDING' FOR UPDATE")
                .bind("r", rotation).mapTo(Long.class).list();
        for (long id : pending) {
            h.createUpdate("UPDATE handoffs SET status = 'SUPERSEDED' WHERE id = :id").bind("id", id).execute();
            event(h, new HandoffEvent(id, at, Optional.empty(), HandoffEvent.Kind.SUPERSEDED, "the next handoff was posted"));
        }
    }

    private static void insert(Handle h, NewHandoff n, Instant postedAt) {
        long id = h.createUpdate("""
                        INSERT INTO handoffs (rotation, due_at, posted_at, outgoing, incoming, weekend, late, status, team_digest,
                                              incoming_digest)
                        VALUES (:rotation, :due, :posted, :outgoing, :incoming, :weekend, :late, :status, :team, :theirs)""")
                .bind("rotation", n.rotation()).bind("due", n.dueAt()).bind("posted", postedAt)
                .bind("outgoing", n.outgoing().map(UserId::value).orElse(null)).bind("incoming", n.incoming().value())
                .bind("weekend", n.weekend()).bind("late", n.late()).bind("status", n.status().name())
                .bind("team", n.teamDigest().map(DigestJson::write).orElse(null))
                .bind("theirs", n.incomingDigest().map(DigestJson::write).orElse(null))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        boolean missed = n.status() == Handoff.Status.MISSED;
        event(h, new HandoffEvent(id, postedAt, Optional.empty(), missed ? HandoffEvent.Kind.MISSED : HandoffEvent.Kind.POSTED,
                missed ? (n.late() ? "due while the bot was down" : "passed over when the clock was moved on")
                        + "; a later handoff was posted instead" : n.late() ? "posted late" : "posted"));
        new OutboxDao(h).enqueueAll(n.effects().apply(id), postedAt);
    }

    private static void event(Handle h, HandoffEvent e) {
        h.createUpdate("""
                        INSERT INTO handoff_events (handoff_id, occurred_at, actor, kind, detail)
                        VALUES (:id, :at, :actor, :kind, :detail)""")
                .bind("id", e.handoffId()).bind("at", e.at()).bind("actor", e.actor().map(UserId::value).orElse(null))
                .bind("kind", e.kind().name()).bind("detail", SlackText.clip(e.detail(), HandoffEvent.MAX_DETAIL)).execute();
    }


    @Override
    public Optional<Handoff> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM handoffs WHERE id = :id").bind("id", id).map(HANDOFF).findOne());
    }

    @Override
    public Optional<HandoffDigest> digest(long id, boolean forIncoming) {
        String column = forIncoming ? "incoming_digest" : "team_digest";
        return jdbi.withHandle(h -> h.createQuery("SELECT " + column + " FROM handoffs WHERE id = :id").bind("id", id)
                .mapTo(String.class).findOne().map(DigestJson::read));
    }

    @Override
    public Optional<Handoff> latest(String rotation) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM handoffs WHERE rotation = :r AND status <> 'MISSED' ORDER BY due_at DESC, id DESC LIMIT 1""")
                .bind("r", rotation).map(HANDOFF).findOne());
    }

    @Override
    public List<Handoff> recent(String rotation, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM handoffs WHERE rotation = :r ORDER BY due_at DESC, id DESC LIMIT :limit")
                .bind("r", rotation).bind("limit", limit).map(HANDOFF).list());
    }

    @Override
    public List<Handoff> pending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM handoffs WHERE status = 'PENDING' ORDER BY id").map(HANDOFF).list());
    }

    @Override
    public Optional<HandoffDecision> change(long id, Function<Handoff, HandoffDecision> decide) {
        return jdbi.inTransaction(h -> {
            Optional<Handoff> locked = h.createQuery("SELECT * FROM handoffs WHERE id = :id FOR UPDATE").bind("id", id)
                    .map(HANDOFF).findOne();
            if (locked.isEmpty()) return Optional.empty();
            HandoffDecision decision = decide.apply(locked.get());
            if (decision instanceof HandoffDecision.Applied applied) {
                Handoff after = applied.after();
                h.createUpdate("""
                                UPDATE handoffs SET status = :status, accepted_by = :by, accepted_at = :at, reminded_at = :reminded,
                                       escalated_at = :escalated
                                WHERE id = :id""")
                        .bind("status", after.status().name()).bind("by", after.acceptedBy().map(UserId::value).orElse(null))
                        .bind("at", after.acceptedAt().orElse(null)).bind("reminded", after.remindedAt().orElse(null))
                        .bind("escalated", after.escalatedAt().orElse(null)).bind("id", id).execute();
                applied.events().forEach(e -> event(h, e));
                new OutboxDao(h).enqueueAll(applied.effects(), applied.events().get(0).at());
            }
            return Optional.of(decision);
        });
    }

    @Override
    public List<HandoffEvent> events(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM handoff_events WHERE handoff_id = :id ORDER BY id")
                .bind("id", id).map(EVENT).list());
    }

    @Override
    public void addNote(HandoffNote note) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO handoff_notes (rotation, author, text, created_at) VALUES (:rotation, :author, :text, :at)""")
                .bind("rotation", note.rotation().orElse(null)).bind("author", note.author().value())
                .bind("text", note.text()).bind("at", note.at()).execute());
    }

    @Override
    public List<HandoffNote> notes(String rotation, Instant from, Instant until) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM handoff_notes
                        WHERE (rotation = :r OR rotation IS NULL) AND created_at >= :from AND created_at < :until
                        ORDER BY created_at, id""")
                .bind("r", rotation).bind("from", from).bind("until", until).map(NOTE).list());
    }
}
