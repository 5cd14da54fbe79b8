package app.escalate.commands;

import app.escalate.config.CaseType;
import app.escalate.config.Policy;
import app.escalate.config.SeverityPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The team's figures over a window: volume by type, surface and severity; time to acknowledge,
 * mitigate and resolve (median and 90th percentile); SLA compliance per severity; the top volume
 * drivers. Pure: counts only, so restricted cases are counted and never named.
 */
public final class TeamStats {
    private TeamStats() {
    }

    /** Median and 90th percentile of the times measured, and how many there were. */
    public record Times(int count, Optional<Duration> median, Optional<Duration> p90) {
    }

    /** Of the cases whose clock has ended (met or run out), how many met it. */
    public record Compliance(int met, int total) {
        public Optional<Double> share() {
            return total == 0 ? Optional.empty() : Optional.of((double) met / total);
        }
    }

    /** The label under which deadlines people set themselves are counted. */
    public static final String SET_BY_PEOPLE = "set by people";

    public record Report(Duration window, int total, Map<String, Integer> byType, Map<String, Integer> bySurface,
                         Map<String, Integer> bySeverity, Times toAck, Times toMitigate, Times toResolve,
                         Map<String, Compliance> ackCompliance, Map<String, Compliance> mitigateCompliance, List<String> topDrivers,
                         Weekly weekly, Map<String, Map<String, Integer>> byChoice, Map<String, Compliance> deadlines) {
        public Report {
            if (deadlines == null) deadlines = Map.of();
        }
    }

    /** Cases opened per week of the window (oldest week first), per case type: the chart's bars. */
    public record Weekly(List<java.time.LocalDate> weekStarts, Map<String, List<Integer>> byType) {
    }

    /**
     * {@code opened}: the cases opened in the window; {@code events}: their STATE_CHANGED events
     * (the first move to mitigated or monitoring is when a case was mitigated) and FIELD_SET events
     * (the last value of each choice field is what the case is counted under), and the window's
     * DEADLINE_DONE and DEADLINE_BREACHED events (each deadline met or missed, by name).
     */
    public static Report of(Duration window, List<Case> opened, List<CaseEvent> events, Policy policy, Instant now) {
        List<CaseEvent> stateChanges = events.stream().filter(e -> e.kind() == CaseEvent.Kind.STATE_CHANGED).toList();
        Map<CaseId, Instant> mitigatedAt = new HashMap<>();
        stateChanges.stream().sorted(Comparator.comparing(CaseEvent::at))
                .filter(e -> e.as(EventData.StateChanged.class).filter(EventData.StateChanged::mitigates).isPresent())
                .forEach(e -> mitigatedAt.putIfAbsent(e.caseId(), e.at()));
        Map<String, Integer> byType = new TreeMap<>();
        Map<String, Integer> bySurface = new TreeMap<>();
        Map<String, Integer> bySeverity = new TreeMap<>();
        List<Duration> ack = new ArrayList<>();
        List<Duration> mitigate = new ArrayList<>();
        List<Duration> resolve = new ArrayList<>();
        Map<String, int[]> ackSla = new TreeMap<>();
        Map<String, int[]> mitigateSla = new TreeMap<>();
        for (Case c : opened) {
            byType.merge(typeOf(c, policy), 1, Integer::sum);
            // A surface is typed by people: a restricted case's is not shown, only counted.
            bySurface.merge(c.restricted() ? "(restricted)" : c.surface().map(s -> s.strip().toLowerCase(java.util.Locale.ROOT))
                    .orElse("(not given)"), 1, Integer::sum);
            bySeverity.merge(c.severity().name(), 1, Integer::sum);
            SeverityPolicy sla = policy.severity(c.severity().level());
            Instant ackDue = c.openedAt().plus(sla.ack());
            Optional<Instant> acked = c.acknowledged().map(a -> a.at());
            acked.ifPresent(at -> ack.add(Duration.between(c.openedAt(), at)));
            // Resolved without an ack (a false alarm closed at once): the ack clock never ran to an end, so it is not counted.
            if (acked.isPresent() || c.resolution().isEmpty()) count(ackSla, c.severity().name(), acked, ackDue, now);
            Optional<Instant> mitigated = Optional.ofNullable(mitigatedAt.get(c.id()))
                    .or(() -> c.resolution().map(r -> r.at()));   // resolved without a mitigated step: mitigated then
            mitigated.ifPresent(at -> mitigate.add(Duration.between(c.openedAt(), at)));
            count(mitigateSla, c.severity().name(), mitigated, c.openedAt().plus(sla.mitigate()), now);
            c.resolution().ifPresent(r -> resolve.add(Duration.between(c.openedAt(), r.at())));
        }
        List<String> top = byType.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey())).limit(3)
                .map(e -> e.getKey() + " (" + Math.round(100.0 * e.getValue() / opened.size()) + "%)").toList();
        return new Report(window, opened.size(), byType, bySurface, bySeverity, times(ack), times(mitigate), times(resolve),
                compliance(ackSla), compliance(mitigateSla), top, weekly(window, opened, policy, now), byChoice(opened, events, policy),
                deadlines(events, policyDeadlines(policy)));
    }

    /** The deadline names the policy's case types set: the only ones stats name. */
    static Set<String> policyDeadlines(Policy policy) {
        Set<String> names = new java.util.TreeSet<>();
        policy.caseTypes().forEach(t -> t.deadlines().forEach(d -> names.add(d.name())));
        return names;
    }

    /**
     * Per deadline name, of the deadlines that ended in the window (done, or run out), how many were
     * met: done in time. One breached and then done late is missed once; a dropped one is not counted.
     * Only the policy's names are shown; those people typed (which may name a restricted case's
     * business) are counted together as {@link #SET_BY_PEOPLE}.
     */
    public static Map<String, Compliance> deadlines(List<CaseEvent> events, Set<String> named) {
        Map<String, Boolean> metById = new java.util.LinkedHashMap<>();
        Map<String, String> nameById = new HashMap<>();
        for (CaseEvent e : events.stream().sorted(Comparator.comparing(CaseEvent::at)).toList()) {
            e.as(EventData.DeadlineDone.class).ifPresent(d -> {
                String id = e.caseId() + "/" + d.name() + "@" + d.due();
                nameById.put(id, d.name());
                metById.merge(id, d.met(), Boolean::logicalAnd);
            });
            e.as(EventData.DeadlineBreached.class).ifPresent(d -> {
                String id = e.caseId() + "/" + d.name() + "@" + d.due();
                nameById.put(id, d.name());
                metById.put(id, false);
            });
        }
        Map<String, int[]> counts = new TreeMap<>();
        metById.forEach((id, met) -> {
            String name = nameById.get(id);
            int[] c = counts.computeIfAbsent(named.contains(name) ? name : SET_BY_PEOPLE, k -> new int[2]);
            if (met) c[0]++;
            c[1]++;
        });
        return compliance(counts);
    }

    /**
     * Per choice field of a type ("Jurisdiction (Regulatory request)"), how many of the window's cases
     * of that type hold each option, by the value each last had; one case with several choices counts
     * under each. Restricted fields are left out.
     */
    static Map<String, Map<String, Integer>> byChoice(List<Case> opened, List<CaseEvent> events, Policy policy) {
        Map<CaseId, Case> byId = new HashMap<>();
        opened.forEach(c -> byId.put(c.id(), c));
        Map<CaseId, Map<String, String>> last = new HashMap<>();
        events.stream().sorted(Comparator.comparing(CaseEvent::at)).forEach(e -> e.as(EventData.FieldSet.class).ifPresent(f -> {
            if (byId.containsKey(e.caseId())) last.computeIfAbsent(e.caseId(), k -> new HashMap<>()).put(f.field(), f.to());
        }));
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        last.forEach((id, fields) -> byId.get(id).caseType().flatMap(policy::caseType).ifPresent(type -> type.fields().forEach(f -> {
            boolean choosing = f.kind() == app.escalate.config.CaseField.Kind.CHOICE || f.kind() == app.escalate.config.CaseField.Kind.CHOICES;
            String value = fields.get(f.id());
            if (!choosing || f.restricted() || value == null) return;
            Map<String, Integer> options = counts.computeIfAbsent(f.label() + " (" + type.label() + ")", k -> new TreeMap<>());
            for (String option : value.split(", ")) options.merge(option, 1, Integer::sum);
        })));
        return counts;
    }

    /** Weeks counted back from {@code now} (the last one ends now), in UTC dates. */
    static Weekly weekly(Duration window, List<Case> opened, Policy policy, Instant now) {
        int weeks = (int) Math.max(1, window.toDays() / 7);   // whole weeks: 30 days show the last 4
        Instant start = now.minus(Duration.ofDays(7L * weeks));
        List<java.time.LocalDate> starts = new ArrayList<>();
        for (int w = 0; w < weeks; w++) starts.add(start.plus(Duration.ofDays(7L * w)).atZone(java.time.ZoneOffset.UTC).toLocalDate());
        Map<String, List<Integer>> byType = new TreeMap<>();
        for (Case c : opened) {
            int w = (int) (Duration.between(start, c.openedAt()).toDays() / 7);
            if (w < 0 || w >= weeks) continue;
            String type = typeOf(c, policy);
            List<Integer> counts = byType.computeIfAbsent(type, k -> new ArrayList<>(java.util.Collections.nCopies(weeks, 0)));
            counts.set(w, counts.get(w) + 1);
        }
        return new Weekly(starts, byType);
    }

    /** The case type as the figures and the chart name it. */
    private static String typeOf(Case c, Policy policy) {
        return c.caseType().flatMap(policy::caseType).map(CaseType::label).orElse("(no type)");
    }

    /** A clock counts once it has ended: met (before its due time) or run out (due time passed without it). */
    private static void count(Map<String, int[]> sla, String severity, Optional<Instant> at, Instant due, Instant now) {
        int[] c = sla.computeIfAbsent(severity, k -> new int[2]);
        if (at.isPresent()) {
            c[1]++;
            if (!at.get().isAfter(due)) c[0]++;
        } else if (!now.isBefore(due)) {
            c[1]++;
        }
    }

    private static Map<String, Compliance> compliance(Map<String, int[]> counts) {
        Map<String, Compliance> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, new Compliance(v[0], v[1])));
        return out;
    }

    /** Nearest-rank percentiles of the measured times. */
    static Times times(List<Duration> values) {
        if (values.isEmpty()) return new Times(0, Optional.empty(), Optional.empty());
        List<Duration> sorted = values.stream().sorted().toList();
        return new Times(sorted.size(), Optional.of(rank(sorted, 0.5)), Optional.of(rank(sorted, 0.9)));
    }

    private static Duration rank(List<Duration> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
