package app.escalate.storage;

import app.escalate.commands.CaseId;
import app.escalate.commands.PersonPage;
import app.escalate.commands.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code case_pages} rows of a case file: its pages to people and how far each has climbed. */
final class PageRows {
    private PageRows() {
    }

    static List<PersonPage> of(Handle h, long number) {
        return h.createQuery("SELECT * FROM case_pages WHERE case_number = :n ORDER BY page_number").bind("n", number).map(PAGE).list();
    }

    /** Every open case's pages, by case number, in one query. */
    static Map<Long, List<PersonPage>> ofOpenCases(Handle h) {
        Map<Long, List<PersonPage>> out = new HashMap<>();
        h.createQuery("""
                        SELECT p.* FROM case_pages p JOIN cases c ON c.case_number = p.case_number
                        WHERE c.state <> 'RESOLVED' ORDER BY p.case_number, p.page_number""")
                .map((rs, ctx) -> Map.entry(rs.getLong("case_number"), PAGE.map(rs, ctx)))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** The cases with an open page whose next step (or answer) is due at {@code now}. */
    static List<CaseId> due(Handle h, Instant now) {
        return h.createQuery("SELECT DISTINCT case_number FROM case_pages WHERE status = 'OPEN' AND next_at <= :now ORDER BY case_number")
                .bindByType("now", now, Instant.class).mapTo(Long.class).stream().map(CaseId::new).toList();
    }

    /** Writes the pages that are new or changed between {@code before} and {@code after} (pages are never removed). */
    static void write(Handle h, long number, List<PersonPage> before, List<PersonPage> after) {
        for (PersonPage p : after) {
            Optional<PersonPage> was = before.stream().filter(b -> b.number() == p.number()).findFirst();
            if (was.equals(Optional.of(p))) continue;
            if (was.isPresent()) {
                h.createUpdate("""
                                UPDATE case_pages SET climb_from = :climbFrom, next_step = :step, next_at = :nextAt, status = :status,
                                held_until = :heldUntil, triggered = :triggered, settled_at = :settledAt
                                WHERE case_number = :n AND page_number = :p""")
                        .bind("n", number).bind("p", p.number())
                        .bindByType("climbFrom", p.climbFrom(), Instant.class).bind("step", p.nextStep())
                        .bindByType("nextAt", p.nextAt().orElse(null), Instant.class).bind("status", p.status().name())
                        .bindByType("heldUntil", p.heldUntil().orElse(null), Instant.class)
                        .bind("triggered", String.join(",", p.triggered()))
                        .bindByType("settledAt", p.settledAt().orElse(null), Instant.class).execute();
                continue;
            }
            h.createUpdate("""
                            INSERT INTO case_pages (case_number, page_number, person, level, rotation, requested_by, group_name, reason, started_at,
                            climb_from, next_step, next_at, status, held_until, triggered, settled_at)
                            VALUES (:n, :p, :person, :level, :rotation, :by, :group, :reason, :startedAt, :climbFrom, :step, :nextAt, :status,
                            :heldUntil, :triggered, :settledAt)""")
                    .bind("n", number).bind("p", p.number()).bind("person", p.person().value())
                    .bind("level", p.level().orElse(null)).bind("rotation", p.rotation().orElse(null))
                    .bind("by", p.requestedBy().map(UserId::value).orElse(null)).bind("group", p.group().orElse(null))
                    .bind("reason", p.reason().orElse(null))
                    .bindByType("startedAt", p.startedAt(), Instant.class).bindByType("climbFrom", p.climbFrom(), Instant.class)
                    .bind("step", p.nextStep()).bindByType("nextAt", p.nextAt().orElse(null), Instant.class).bind("status", p.status().name())
                    .bindByType("heldUntil", p.heldUntil().orElse(null), Instant.class)
                    .bind("triggered", String.join(",", p.triggered()))
                    .bindByType("settledAt", p.settledAt().orElse(null), Instant.class).execute();
        }
    }

    private static Optional<Instant> instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static final RowMapper<PersonPage> PAGE = (rs, ctx) -> {
        String triggered = rs.getString("triggered");
        Set<String> rung = triggered == null || triggered.isEmpty() ? Set.of() : Arrays.stream(triggered.split(",")).collect(Collectors.toSet());
        return new PersonPage(rs.getInt("page_number"), new UserId(rs.getString("person")), Optional.ofNullable(rs.getString("level")),
                Optional.ofNullable(rs.getString("rotation")), Optional.ofNullable(rs.getString("requested_by")).map(UserId::new),
                Optional.ofNullable(rs.getString("group_name")), Optional.ofNullable(rs.getString("reason")),
                instant(rs, "started_at").orElseThrow(), instant(rs, "climb_from").orElseThrow(), rs.getInt("next_step"),
                instant(rs, "next_at"), PersonPage.Status.valueOf(rs.getString("status")), instant(rs, "held_until"), rung,
                instant(rs, "settled_at"));
    };
}
