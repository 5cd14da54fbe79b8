package app.escalate.storage;

import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.DraftKind;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.summary.Draft;
import app.escalate.commands.summary.DraftDecision;
import app.escalate.commands.summary.DraftStore;
import app.escalate.commands.summary.NewDraft;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@link DraftStore} on Jdbi: a draft's decision, its case events and its outbox effects commit together. */
public final class JdbiDraftStore implements DraftStore {
    /** Findings are short sentences; stored one a line. */
    private static final String FINDING_SEPARATOR = "\n";

    private static final RowMapper<Draft> DRAFT = (rs, ctx) -> new Draft(rs.getLong("id"), new CaseId(rs.getLong("case_number")),
            kind(rs.getString("kind")), new UserId(rs.getString("requester")), new ChannelId(rs.getString("channel_id")),
            Optional.ofNullable(rs.getString("response_url")), rs.getString("prompt_version"), rs.getString("model"),
            rs.getLong("latency_ms"), rs.getInt("input_tokens"), rs.getInt("output_tokens"), rs.getString("text"),
            findings(rs.getString("findings")), Optional.ofNullable(rs.getString("fallback")), Sql.instant(rs, "created_at").orElseThrow(),
            Optional.ofNullable(rs.getString("outcome")).map(Draft.Outcome::valueOf), Optional.ofNullable(rs.getString("reviewer")).map(UserId::new),
            Optional.ofNullable(rs.getString("posted_text")), Optional.ofNullable((Double) rs.getObject("edit_ratio", Double.class)),
            Sql.instant(rs, "decided_at"), confirmation(rs));

    private final Jdbi jdbi;

    public JdbiDraftStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Draft save(NewDraft n, String request, Function<Draft, List<SlackEffect>> effects) {
        try {
            return jdbi.inTransaction(h -> {
                long id = h.createUpdate("""
                                INSERT INTO drafts (case_number, kind, requester, channel_id, response_url, prompt_version, model, latency_ms,
                                                    input_tokens, output_tokens, text, findings, fallback, created_at, request_key)
                                VALUES (:case, :kind, :requester, :channel, :url, :prompt, :model, :latency, :in, :out, :text, :findings,
                                        :fallback, :at, :request)""")
                        .bind("case", n.caseId().number()).bind("kind", n.kind().id()).bind("requester", n.requester().value())
                        .bind("channel", n.channel().value()).bind("url", n.responseUrl().orElse(null)).bind("prompt", n.promptVersion())
                        .bind("model", n.model()).bind("latency", n.latencyMillis()).bind("in", n.inputTokens()).bind("out", n.outputTokens())
                        .bind("text", n.text()).bind("findings", String.join(FINDING_SEPARATOR, n.findings()))
                        .bind("fallback", n.fallback().orElse(null)).bind("at", n.createdAt()).bind("request", request)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                Draft saved = h.createQuery("SELECT * FROM drafts WHERE id = :id").bind("id", id).map(DRAFT).one();
                new OutboxDao(h).enqueueAll(effects.apply(saved), n.createdAt());
                return saved;
            });
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            // Written meanwhile by another run of the same request: that draft, shown once.
            if (Sql.isConstraintViolation(e)) return forRequest(request).orElseThrow(() -> e);
            throw e;
        }
    }

    @Override
    public Optional<Draft> forRequest(String request) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM drafts WHERE request_key = :request").bind("request", request)
                .map(DRAFT).findOne());
    }

    @Override
    public Optional<Draft> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM drafts WHERE id = :id").bind("id", id).map(DRAFT).findOne());
    }

    @Override
    public Optional<DraftDecision> decide(long id, Function<Draft, DraftDecision> decide) {
        return jdbi.inTransaction(h -> {
            Optional<Draft> locked = h.createQuery("SELECT * FROM drafts WHERE id = :id FOR UPDATE").bind("id", id).map(DRAFT).findOne();
            if (locked.isEmpty()) return Optional.empty();
            DraftDecision decision = decide.apply(locked.get());
            if (decision instanceof DraftDecision.Applied applied) {
                Draft after = applied.after();
                h.createUpdate("""
                                UPDATE drafts SET outcome = :outcome, reviewer = :reviewer, posted_text = :posted, edit_ratio = :ratio,
                                       decided_at = :at, confirmed_findings = :confirmed, confirmed_why = :why WHERE id = :id""")
                        .bind("outcome", after.outcome().map(Enum::name).orElse(null))
                        .bind("reviewer", after.reviewer().map(UserId::value).orElse(null))
                        .bind("posted", after.postedText().orElse(null)).bind("ratio", after.editRatio().orElse(null))
                        .bind("at", after.decidedAt().orElse(null))
                        .bind("confirmed", after.confirmed().map(c -> String.join(FINDING_SEPARATOR, c.findings())).orElse(null))
                        .bind("why", after.confirmed().map(Draft.Confirmation::why).orElse(null)).bind("id", id).execute();
                TimelineDao timeline = new TimelineDao(h);
                applied.events().forEach(timeline::append);
                new OutboxDao(h).enqueueAll(applied.effects(), after.decidedAt().orElse(after.createdAt()));
            }
            return Optional.of(decision);
        });
    }

    @Override
    public List<Draft> decided(DraftKind kind) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM drafts WHERE kind = :kind AND decided_at IS NOT NULL ORDER BY decided_at, id")
                .bind("kind", kind.id()).map(DRAFT).list());
    }

    @Override
    public List<Draft> ofCase(CaseId caseId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM drafts WHERE case_number = :case ORDER BY id")
                .bind("case", caseId.number()).map(DRAFT).list());
    }

    @Override
    public Optional<Instant> lastPosted(CaseId caseId, DraftKind kind) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT MAX(decided_at) FROM drafts WHERE case_number = :case AND kind = :kind AND outcome IN ('AS_IS', 'EDITED')""")
                .bind("case", caseId.number()).bind("kind", kind.id()).mapTo(OffsetDateTime.class).findOne()
                .map(OffsetDateTime::toInstant));
    }

    @Override
    public Optional<Instant> lastReminded(CaseId caseId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(sent_at) FROM exec_reminders WHERE case_number = :case")
                .bind("case", caseId.number()).mapTo(OffsetDateTime.class).findOne().map(OffsetDateTime::toInstant));
    }

    @Override
    public boolean remind(CaseId caseId, Instant dueAt, Instant at, List<SlackEffect> effects) {
        return insertOnce(h -> h.createUpdate("INSERT INTO exec_reminders (case_number, due_at, sent_at) VALUES (:case, :due, :at)")
                .bind("case", caseId.number()).bind("due", dueAt).bind("at", at).execute(), effects, at);
    }

    @Override
    public int lastAlertAt(DraftKind kind) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(decided_count), 0) FROM draft_alerts WHERE kind = :kind")
                .bind("kind", kind.id()).mapTo(Integer.class).one());
    }

    @Override
    public boolean alert(DraftKind kind, int decidedCount, Instant at, List<SlackEffect> effects) {
        return insertOnce(h -> h.createUpdate("INSERT INTO draft_alerts (kind, decided_count, sent_at) VALUES (:kind, :count, :at)")
                .bind("kind", kind.id()).bind("count", decidedCount).bind("at", at).execute(), effects, at);
    }

    @Override
    public int lastDriftAlertAt(String watch) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(decided_count), 0) FROM drift_alerts WHERE watch = :watch")
                .bind("watch", watch).mapTo(Integer.class).one());
    }

    @Override
    public boolean driftAlert(String watch, int decidedCount, Instant at, List<SlackEffect> effects) {
        return insertOnce(h -> h.createUpdate("INSERT INTO drift_alerts (watch, decided_count, sent_at) VALUES (:watch, :count, :at)")
                .bind("watch", watch).bind("count", decidedCount).bind("at", at).execute(), effects, at);
    }

    /** A row that may be written once, with its effects; false (nothing written) when it is already there. */
    private boolean insertOnce(java.util.function.ToIntFunction<Handle> insert, List<SlackEffect> effects, Instant at) {
        return Sql.once(jdbi, h -> {
            insert.applyAsInt(h);
            new OutboxDao(h).enqueueAll(effects, at);
            return true;
        });
    }


    private static DraftKind kind(String id) {
        return DraftKind.of(id).orElseThrow(() -> new IllegalStateException("unknown draft kind " + id));
    }

    private static Optional<Draft.Confirmation> confirmation(ResultSet rs) throws SQLException {
        String why = rs.getString("confirmed_why");
        return why == null ? Optional.empty() : Optional.of(new Draft.Confirmation(findings(rs.getString("confirmed_findings")), why));
    }

    private static List<String> findings(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(FINDING_SEPARATOR));
    }
}
