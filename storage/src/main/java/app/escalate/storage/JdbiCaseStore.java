package app.escalate.storage;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.PersonPage;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseNotFound;
import app.escalate.commands.CaseStore;
import app.escalate.commands.ChannelId;
import app.escalate.commands.DeadlineEntry;
import app.escalate.commands.Decision;
import app.escalate.commands.JointDecision;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Paging;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.Task;
import app.escalate.commands.TriageState;
import app.escalate.commands.UserId;
import app.escalate.commands.Watch;
import app.escalate.commands.CaseDecision;
import app.escalate.commands.SignOff;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@link CaseStore} on Jdbi: a case, its timeline entries and its outbox effects commit together. */
public final class JdbiCaseStore implements CaseStore {
    private static final CaseRowMapper CASE = new CaseRowMapper();
    private final Jdbi jdbi;

    public JdbiCaseStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Case open(NewCase draft, Function<Case, Opening> follow) {
        return jdbi.inTransaction(h -> open(h, draft, follow));
    }

    /** Opens {@code draft} in the transaction of {@code h}, with whatever else that transaction holds (a machine's dedup key). */
    static Case open(Handle h, NewCase draft, Function<Case, Opening> follow) {
        long number = new CaseDao(h).insert(draft.title(), draft.severity().level(), "TRIAGE",
                draft.caseType().orElse(null), draft.surface().orElse(null), draft.reporter().value(), draft.openedAt(),
                draft.restricted());
        Case opened = draft.numbered(new CaseId(number));
        Opening opening = follow.apply(opened);
        CaseFileDao members = new CaseFileDao(h);
        members.addMember(number, draft.reporter().value());
        opening.members().stream().filter(m -> !m.equals(draft.reporter())).forEach(m -> members.addMember(number, m.value()));
        TimelineDao timeline = new TimelineDao(h);
        timeline.append(CaseEvent.opened(opened, draft.description()));
        opening.events().forEach(timeline::append);
        new CaseDao(h).setPaging(number, opening.paging().step(), opening.paging().nextAt().orElse(null));
        PageRows.write(h, number, List.of(), opening.pages());
        opening.fields().forEach((field, value) -> h.createUpdate("INSERT INTO case_fields (case_number, field_id, field_value) VALUES (:n, :f, :v)")
                .bind("n", number).bind("f", field).bind("v", value).execute());
        new OutboxDao(h).enqueueAll(opening.effects(), draft.openedAt());
        return opened;
    }

    @Override
    public Decision change(CaseId id, Function<CaseFile, Decision> decide) {
        return jdbi.inTransaction(h -> {
            // Locked until the transaction ends, so concurrent changes queue instead of overwriting each other.
            CaseFile before = file(h, id, " FOR UPDATE").orElseThrow(() -> new CaseNotFound(id));
            Decision decision = decide.apply(before);
            if (decision instanceof Decision.Applied applied) write(h, before, applied);
            return decision;
        });
    }

    @Override
    public JointDecision changeBoth(CaseId first, CaseId second, java.util.function.BiFunction<CaseFile, CaseFile, JointDecision> decide) {
        return jdbi.inTransaction(h -> {
            boolean inOrder = first.number() < second.number();
            CaseFile lower = file(h, inOrder ? first : second, " FOR UPDATE").orElseThrow(() -> new CaseNotFound(inOrder ? first : second));
            CaseFile higher = file(h, inOrder ? second : first, " FOR UPDATE").orElseThrow(() -> new CaseNotFound(inOrder ? second : first));
            CaseFile a = inOrder ? lower : higher;
            CaseFile b = inOrder ? higher : lower;
            JointDecision decision = decide.apply(a, b);
            if (decision instanceof JointDecision.Applied applied) {
                write(h, a, applied.first());
                write(h, b, applied.second());
            }
            return decision;
        });
    }

    private static void write(Handle h, CaseFile before, Decision.Applied applied) {
        CaseFile after = applied.after();
        long number = after.id().number();
        new CaseDao(h).update(after.details());
        if (!after.watch().equals(before.watch())) {
            h.createUpdate("UPDATE cases SET watched_by = :by, watched_at = :at WHERE case_number = :number")
                    .bind("by", after.watch().map(w -> w.by().value()).orElse(null))
                    .bind("at", after.watch().map(Watch::at).orElse(null)).bind("number", number).execute();
        }
        after.slaAlerts().stream().filter(k -> !before.slaAlerts().contains(k)).forEach(k ->
                h.createUpdate("INSERT INTO sla_alerts (case_number, alert_key) VALUES (:n, :k)").bind("n", number).bind("k", k).execute());
        if (!after.runbookAt().equals(before.runbookAt())) {
            h.createUpdate("UPDATE cases SET runbook_at = :at WHERE case_number = :number")
                    .bind("at", after.runbookAt().orElse(null)).bind("number", number).execute();
        }
        if (!after.triage().equals(before.triage())) {
            h.createUpdate("UPDATE cases SET triage = :triage WHERE case_number = :number")
                    .bind("triage", after.triage().map(t -> Json.write(t.toMap())).orElse(null)).bind("number", number).execute();
        }
        after.fields().forEach((field, value) -> {
            if (value.equals(before.fields().get(field))) return;
            String sql = before.fields().containsKey(field)
                    ? "UPDATE case_fields SET field_value = :v WHERE case_number = :n AND field_id = :f"
                    : "INSERT INTO case_fields (case_number, field_id, field_value) VALUES (:n, :f, :v)";
            h.createUpdate(sql).bind("n", number).bind("f", field).bind("v", value).execute();
        });
        if (!after.deadlines().equals(before.deadlines())) DeadlineRows.write(h, number, before.deadlines(), after.deadlines());
        if (!after.pages().equals(before.pages())) PageRows.write(h, number, before.pages(), after.pages());
        after.links().stream().filter(l -> !before.links().contains(l)).forEach(l -> h.createUpdate(
                "INSERT INTO case_links (case_number, linked_number) VALUES (:n, :l)").bind("n", number).bind("l", l.number()).execute());
        before.links().stream().filter(l -> !after.links().contains(l)).forEach(l -> h.createUpdate(
                "DELETE FROM case_links WHERE case_number = :n AND linked_number = :l").bind("n", number).bind("l", l.number()).execute());
        writeDecisions(h, number, before, after);
        if (!after.paging().equals(before.paging())) {
            new CaseDao(h).setPaging(number, after.paging().step(), after.paging().nextAt().orElse(null));
        }
        CaseFileDao dao = new CaseFileDao(h);
        Map<Integer, Task> old = before.tasks().stream().collect(Collectors.toMap(Task::number, t -> t));
        for (Task task : after.tasks()) {
            Task was = old.get(task.number());
            if (was == null) {
                dao.insertTask(number, task.number(), task.text(), task.assignee().map(UserId::value).orElse(null),
                        task.createdBy().value(), task.createdAt());
            }
            if (task.isDone() && (was == null || !was.isDone())) {
                dao.completeTask(number, task.number(), task.doneBy().orElseThrow().value(), task.doneAt().orElseThrow());
            }
        }
        after.stakeholders().stream().filter(g -> !before.stakeholders().contains(g)).forEach(g -> dao.addStakeholder(number, g));
        // Who belongs to the case is the domain's decision (Decision.Applied#enrolling); storage keeps what it says.
        after.members().stream().filter(m -> !before.members().contains(m)).forEach(m -> dao.addMember(number, m.value()));
        TimelineDao timeline = new TimelineDao(h);
        applied.events().forEach(timeline::append);
        new OutboxDao(h).enqueueAll(applied.effects(), applied.events().get(0).at());
        // A machine's source hears of its case's acknowledgement, mitigation and resolution, with the change.
        new OutboxDao(h).enqueueAll(SlackEffect.CallBack.of(before.details(), applied.events()), applied.events().get(0).at());
    }


    /** A decision is inserted once, then only its override changes; each answer is a row of its own, never rewritten. */
    private static void writeDecisions(Handle h, long number, CaseFile before, CaseFile after) {
        for (CaseDecision d : after.decisions()) {
            Optional<CaseDecision> was = before.decision(d.number());
            if (was.equals(Optional.of(d))) continue;
            if (was.isEmpty()) {
                Map<String, String> alternatives = new HashMap<>();
                for (int i = 0; i < d.alternatives().size(); i++) alternatives.put(Integer.toString(i + 1), d.alternatives().get(i));
                h.createUpdate("""
                                INSERT INTO case_decisions (case_number, decision_number, decision, rationale, alternatives, decided_by, decided_at, needs)
                                VALUES (:n, :d, :text, :rationale, :alternatives, :by, :at, :needs)""")
                        .bind("n", number).bind("d", d.number()).bind("text", d.text()).bind("rationale", d.rationale())
                        .bind("alternatives", Json.write(alternatives)).bind("by", d.decider().value()).bind("at", d.at())
                        .bind("needs", String.join(",", d.needs())).execute();
            }
            if (d.overruled().isPresent() && was.flatMap(CaseDecision::overruled).isEmpty()) {
                h.createUpdate("UPDATE case_decisions SET override_reason = :reason, overridden_at = :at WHERE case_number = :n AND decision_number = :d")
                        .bind("reason", d.overruled().get().reason()).bind("at", d.overruled().get().at()).bind("n", number).bind("d", d.number()).execute();
            }
            Set<String> answered = was.map(CaseDecision::signOffs).orElse(List.of()).stream().map(SignOff::group).collect(Collectors.toSet());
            d.signOffs().stream().filter(s -> !answered.contains(s.group())).forEach(s -> h.createUpdate("""
                            INSERT INTO decision_sign_offs (case_number, decision_number, group_id, signed_by, verdict, reason, signed_at)
                            VALUES (:n, :d, :group, :by, :verdict, :reason, :at)""")
                    .bind("n", number).bind("d", d.number()).bind("group", s.group()).bind("by", s.by().value())
                    .bind("verdict", s.verdict().name()).bind("reason", s.reason().orElse(null)).bind("at", s.at()).execute());
        }
    }

    /** The decisions of the cases {@code where} selects (a condition on {@code c}, the cases table), by case number, each in order. */
    private static Map<Long, List<CaseDecision>> decisions(Handle h, String where, Map<String, Object> binds) {
        Map<List<Long>, List<SignOff>> answers = new HashMap<>();
        var signOffs = h.createQuery("""
                SELECT s.* FROM decision_sign_offs s JOIN cases c ON c.case_number = s.case_number WHERE\s""" + where
                + " ORDER BY s.signed_at, s.group_id");
        binds.forEach(signOffs::bind);
        signOffs.map((rs, ctx) -> Map.entry(List.of(rs.getLong("case_number"), rs.getLong("decision_number")),
                        new SignOff(rs.getString("group_id"), new UserId(rs.getString("signed_by")), SignOff.Verdict.valueOf(rs.getString("verdict")),
                                Optional.ofNullable(rs.getString("reason")), rs.getObject("signed_at", OffsetDateTime.class).toInstant())))
                .forEach(e -> answers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<CaseDecision>> out = new HashMap<>();
        var rows = h.createQuery("""
                SELECT d.* FROM case_decisions d JOIN cases c ON c.case_number = d.case_number WHERE\s""" + where
                + " ORDER BY d.case_number, d.decision_number");
        binds.forEach(rows::bind);
        rows.map((rs, ctx) -> {
            long n = rs.getLong("case_number");
            int number = rs.getInt("decision_number");
            Map<String, String> alternatives = Json.read(rs.getString("alternatives"));
            List<String> inOrder = new ArrayList<>();
            for (int i = 1; alternatives.containsKey(Integer.toString(i)); i++) inOrder.add(alternatives.get(Integer.toString(i)));
            String needs = rs.getString("needs");
            OffsetDateTime overriddenAt = rs.getObject("overridden_at", OffsetDateTime.class);
            Optional<CaseDecision.Overruled> overruled = overriddenAt == null ? Optional.empty()
                    : Optional.of(new CaseDecision.Overruled(rs.getString("override_reason"), overriddenAt.toInstant()));
            return Map.entry(n, new CaseDecision(number, rs.getString("decision"), rs.getString("rationale"), inOrder,
                    new UserId(rs.getString("decided_by")), rs.getObject("decided_at", OffsetDateTime.class).toInstant(),
                    needs.isEmpty() ? List.of() : List.of(needs.split(",")), answers.getOrDefault(List.of(n, (long) number), List.of()), overruled));
        }).forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** The case file, its row read once for the case and its sidecar columns; {@code lock} is appended to the row's query. */
    private static Optional<CaseFile> file(Handle h, CaseId id, String lock) {
        return h.createQuery("SELECT * FROM cases WHERE case_number = :n" + lock).bind("n", id.number())
                .map((rs, ctx) -> Map.entry(CASE.map(rs, ctx), SIDECAR.map(rs, ctx))).findOne()
                .map(row -> file(h, row.getKey(), row.getValue()));
    }

    private static CaseFile file(Handle h, Case c, Sidecar sidecar) {
        CaseFileDao dao = new CaseFileDao(h);
        long number = c.id().number();
        Set<String> alerts = Set.copyOf(h.createQuery("SELECT alert_key FROM sla_alerts WHERE case_number = :n").bind("n", number)
                .mapTo(String.class).list());
        Map<String, String> fields = new HashMap<>();
        h.createQuery("SELECT field_id, field_value FROM case_fields WHERE case_number = :n").bind("n", number)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> fields.put(e.getKey(), e.getValue()));
        return new CaseFile(c, dao.tasks(number), Set.copyOf(dao.stakeholders(number)),
                dao.members(number).stream().map(UserId::new).collect(Collectors.toSet()), sidecar.paging(), sidecar.watch(), alerts,
                sidecar.runbookAt(), sidecar.triage(), fields,
                decisions(h, "c.case_number = :n", Map.of("n", number)).getOrDefault(number, List.of()), DeadlineRows.of(h, number),
                Set.copyOf(h.createQuery("SELECT linked_number FROM case_links WHERE case_number = :n").bind("n", number)
                        .map((rs, ctx) -> new CaseId(rs.getLong(1))).list()), PageRows.of(h, number));
    }

    /** What a case file holds beside the case row's own fields. */
    private record Sidecar(long number, Paging paging, Optional<Watch> watch, Optional<String> runbookAt, Optional<TriageState> triage) {
        /** Nothing beside the case row's own fields, for a case the sidecar query did not return. */
        static Sidecar none(long number) {
            return new Sidecar(number, Paging.NONE, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private static final RowMapper<Sidecar> SIDECAR = (rs, ctx) -> {
        OffsetDateTime next = rs.getObject("next_page_at", OffsetDateTime.class);
        OffsetDateTime watchedAt = rs.getObject("watched_at", OffsetDateTime.class);
        String watchedBy = rs.getString("watched_by");
        return new Sidecar(rs.getLong("case_number"), new Paging(rs.getInt("page_step"), Optional.ofNullable(next).map(OffsetDateTime::toInstant)),
                watchedBy == null || watchedAt == null ? Optional.empty() : Optional.of(new Watch(new UserId(watchedBy), watchedAt.toInstant())),
                Optional.ofNullable(rs.getString("runbook_at")),
                Optional.ofNullable(rs.getString("triage")).map(json -> TriageState.fromMap(Json.read(json))));
    };

    /** Reads every open case's file with twelve queries, whatever the number of cases. */
    @Override
    public List<CaseFile> openFiles() {
        return jdbi.inTransaction(h -> {
            List<Case> open = new CaseDao(h).open();
            Map<Long, Sidecar> sidecars = h.createQuery("""
                            SELECT case_number, page_step, next_page_at, watched_by, watched_at, runbook_at, triage FROM cases WHERE state <> 'RESOLVED'""")
                    .map(SIDECAR).stream().collect(Collectors.toMap(Sidecar::number, x -> x));
            Map<Long, List<Task>> tasks = new HashMap<>();
            h.createQuery("""
                            SELECT t.* FROM case_tasks t JOIN cases c ON c.case_number = t.case_number
                            WHERE c.state <> 'RESOLVED' ORDER BY t.case_number, t.task_number""")
                    .map((rs, ctx) -> Map.entry(rs.getLong("case_number"), CaseFileDao.TASK.map(rs, ctx)))
                    .forEach(e -> tasks.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            Map<Long, Set<String>> groups = pairs(h, """
                    SELECT s.case_number, s.group_name AS v FROM case_stakeholders s JOIN cases c ON c.case_number = s.case_number
                    WHERE c.state <> 'RESOLVED'""");
            Map<Long, Set<String>> members = pairs(h, """
                    SELECT m.case_number, m.user_id AS v FROM case_members m JOIN cases c ON c.case_number = m.case_number
                    WHERE c.state <> 'RESOLVED'""");
            Map<Long, Set<String>> alerts = pairs(h, """
                    SELECT a.case_number, a.alert_key AS v FROM sla_alerts a JOIN cases c ON c.case_number = a.case_number
                    WHERE c.state <> 'RESOLVED'""");
            Map<Long, Map<String, String>> fields = new HashMap<>();
            h.createQuery("""
                            SELECT f.case_number, f.field_id, f.field_value FROM case_fields f JOIN cases c ON c.case_number = f.case_number
                            WHERE c.state <> 'RESOLVED'""")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), Map.entry(rs.getString(2), rs.getString(3))))
                    .forEach(e -> fields.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(e.getValue().getKey(), e.getValue().getValue()));
            Map<Long, List<DeadlineEntry>> deadlines = DeadlineRows.ofOpenCases(h);
            Map<Long, Set<String>> links = pairs(h, """
                    SELECT l.case_number, CAST(l.linked_number AS VARCHAR(20)) AS v FROM case_links l JOIN cases c ON c.case_number = l.case_number
                    WHERE c.state <> 'RESOLVED'""");
            Map<Long, List<CaseDecision>> decisions = decisions(h, "c.state <> 'RESOLVED'", Map.of());
            Map<Long, List<PersonPage>> pages = PageRows.ofOpenCases(h);
            return open.stream().map(c -> {
                long n = c.id().number();
                Sidecar sidecar = sidecars.getOrDefault(n, Sidecar.none(n));
                return new CaseFile(c, tasks.getOrDefault(n, List.of()), groups.getOrDefault(n, Set.of()),
                        members.getOrDefault(n, Set.of()).stream().map(UserId::new).collect(Collectors.toSet()),
                        sidecar.paging(), sidecar.watch(), alerts.getOrDefault(n, Set.of()), sidecar.runbookAt(), sidecar.triage(),
                        fields.getOrDefault(n, Map.of()), decisions.getOrDefault(n, List.of()), deadlines.getOrDefault(n, List.of()),
                        links.getOrDefault(n, Set.of()).stream().map(v -> new CaseId(Long.parseLong(v))).collect(Collectors.toSet()),
                        pages.getOrDefault(n, List.of()));
            }).toList();
        });
    }

    private static Map<Long, Set<String>> pairs(Handle h, String sql) {
        Map<Long, Set<String>> out = new HashMap<>();
        h.createQuery(sql).map((rs, ctx) -> Map.entry(rs.getLong("case_number"), rs.getString("v")))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        return out;
    }

    @Override
    public List<CaseEvent> events(Instant from, Instant until, Set<CaseEvent.Kind> kinds) {
        if (kinds.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM case_events WHERE occurred_at >= :from AND occurred_at < :until AND kind IN (<kinds>)
                        ORDER BY occurred_at, id""")
                .bind("from", from).bind("until", until).bindList("kinds", kinds.stream().map(Enum::name).toList())
                .map(TimelineDao.EVENT).list());
    }

    @Override
    public void enqueue(List<SlackEffect> effects, Instant at) {
        OutboxDao.enqueue(jdbi, effects, at);
    }

    @Override
    public Optional<Case> find(CaseId id) {
        return jdbi.withHandle(h -> new CaseDao(h).find(id.number()));
    }

    @Override
    public Optional<CaseFile> file(CaseId id) {
        return jdbi.withHandle(h -> file(h, id, ""));
    }

    @Override
    public Optional<Case> findByChannel(ChannelId channel) {
        return jdbi.withHandle(h -> new CaseDao(h).findByChannel(channel.value()));
    }

    @Override
    public List<Case> openCases() {
        return jdbi.withHandle(h -> new CaseDao(h).open());
    }

    @Override
    public List<Case> openedBetween(Instant from, Instant until) {
        return jdbi.withHandle(h -> new CaseDao(h).openedBetween(from, until));
    }

    @Override
    public List<CaseId> duePaging(Instant now) {
        return jdbi.withHandle(h -> new CaseDao(h).duePaging(now).stream().map(CaseId::new).toList());
    }

    @Override
    public List<CaseId> duePages(Instant now) {
        return jdbi.withHandle(h -> PageRows.due(h, now));
    }

    @Override
    public Set<CaseId> casesWithMember(UserId user) {
        return jdbi.withHandle(h -> new CaseFileDao(h).casesOf(user.value()).stream()
                .map(CaseId::new).collect(Collectors.toSet()));
    }

    @Override
    public List<CaseEvent> timeline(CaseId id) {
        return jdbi.withHandle(h -> new TimelineDao(h).forCase(id.number()));
    }

    /** How many cases are open at {@code severity} (1-4), for the metrics. */
    public long openAt(int severity) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM cases WHERE state <> 'RESOLVED' AND severity = :s")
                .bind("s", severity).mapTo(Long.class).one());
    }

    /** How many times an SLA clock has run out, over all cases. */
    public long slaBreaches() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sla_alerts WHERE alert_key LIKE '%:breach'").mapTo(Long.class).one());
    }

    /** The timestamp of the case's pinned card message, once posted. */
    /** Where the case's similar-cases message was posted, once it was. */
    public Optional<String> similarTs(CaseId id) {
        return jdbi.withHandle(h -> new CaseDao(h).similarTs(id.number()));
    }

    public Optional<String> cardTs(CaseId id) {
        return jdbi.withHandle(h -> new CaseDao(h).cardTs(id.number()));
    }
}
