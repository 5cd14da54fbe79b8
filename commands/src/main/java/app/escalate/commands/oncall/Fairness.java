package app.escalate.commands.oncall;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.EventData;
import app.escalate.commands.FairnessReport;
import app.escalate.commands.Level;
import app.escalate.commands.UserId;
import app.escalate.config.Person;
import app.escalate.config.Rotation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How evenly on-call was shared over a period, per person: hours holding primary and secondary (as
 * the schedules say, overrides applied), and of the time on call at either level how much fell at
 * night (22:00-07:00), at the weekend (Saturday and Sunday) — both in the person's own time zone —
 * and on a holiday of the layer covered; the pages they received and how many of those came outside
 * their working hours; and the spread between the most and the least loaded. Hours are instants
 * apart, so a day the clocks change counts 23 or 25. Counts and hours only: no case is named.
 * The figures are a {@link FairnessReport}.
 */
public final class Fairness {
    static final LocalTime NIGHT_STARTS = LocalTime.of(22, 0);
    static final LocalTime NIGHT_ENDS = LocalTime.of(7, 0);

    private Fairness() {
    }

    /**
     * The report over {@code period}: {@code schedules} say who held each level (their overrides
     * included), {@code events} the timeline (only {@code PAGED} and {@code PAGE_REQUESTED} ones count), {@code people} each
     * person's zone and working hours. Everyone who takes turns in a rotation has a row, on call or
     * not, as has anyone else who held a shift or was paged.
     */
    public static FairnessReport of(FairnessReport.Period period, List<Schedule> schedules, List<CaseEvent> events,
                                    Function<String, Person> people, Duration maxSpread) {
        Set<UserId> everyone = new LinkedHashSet<>();
        schedules.forEach(s -> everyone.addAll(members(s.rotation())));
        Map<UserId, Duration> primary = new HashMap<>();
        Map<UserId, Duration> secondary = new HashMap<>();
        Map<UserId, List<Instant[]>> onCall = new HashMap<>();
        Map<UserId, List<Instant[]>> holiday = new HashMap<>();
        for (Schedule schedule : schedules) {
            for (Level level : Level.values()) {
                for (Schedule.Stretch s : schedule.stretches(level, period.from(), period.until())) {
                    everyone.add(s.who());
                    (level == Level.PRIMARY ? primary : secondary).merge(s.who(), s.length(), Duration::plus);
                    onCall.computeIfAbsent(s.who(), u -> new ArrayList<>()).add(new Instant[]{s.from(), s.until()});
                    if (s.holiday()) holiday.computeIfAbsent(s.who(), u -> new ArrayList<>()).add(new Instant[]{s.from(), s.until()});
                }
            }
        }
        Map<UserId, int[]> pages = new HashMap<>();
        for (CaseEvent e : events) {
            if (e.at().isBefore(period.from()) || !e.at().isBefore(period.until())) continue;
            // A rotation's page, or one someone asked for with /esc page: both woke the person.
            Optional<UserId> paged = e.as(EventData.Paged.class).map(EventData.Paged::user)
                    .or(() -> e.as(EventData.PageRequested.class).map(EventData.PageRequested::person));
            if (paged.isEmpty()) continue;
            UserId who = paged.get();
            everyone.add(who);
            int[] counts = pages.computeIfAbsent(who, u -> new int[2]);
            counts[0]++;
            if (!people.apply(who.value()).isWorking(e.at())) counts[1]++;
        }
        List<FairnessReport.Row> rows = new ArrayList<>();
        for (UserId user : everyone) {
            ZoneId zone = people.apply(user.value()).zone();
            List<Instant[]> held = union(onCall.getOrDefault(user, List.of()));
            int[] counts = pages.getOrDefault(user, new int[2]);
            rows.add(new FairnessReport.Row(user, primary.getOrDefault(user, Duration.ZERO), secondary.getOrDefault(user, Duration.ZERO),
                    total(held), overlap(held, zone, Fairness::night), overlap(held, zone, Fairness::weekendDay),
                    total(union(holiday.getOrDefault(user, List.of()))), counts[0], counts[1]));
        }
        rows.sort(Comparator.comparing(FairnessReport.Row::onCall).reversed().thenComparing(r -> r.user().value()));
        Duration spread = rows.isEmpty() ? Duration.ZERO : rows.get(0).onCall().minus(rows.get(rows.size() - 1).onCall());
        return new FairnessReport(period, rows, spread, maxSpread);
    }

    /** Everyone who takes turns in the rotation: its layers' members and its weekend people. */
    static Set<UserId> members(Rotation rotation) {
        Set<UserId> members = new LinkedHashSet<>();
        rotation.primary().forEach(l -> l.members().forEach(m -> members.add(new UserId(m))));
        rotation.secondary().forEach(l -> l.members().forEach(m -> members.add(new UserId(m))));
        if (rotation.weekend() != null) {
            rotation.weekend().primary().forEach(m -> members.add(new UserId(m)));
            rotation.weekend().secondary().forEach(m -> members.add(new UserId(m)));
        }
        return members;
    }

    /** The night that begins on {@code day}: 22:00 to 07:00 the next morning, local time. */
    private static Optional<Instant[]> night(LocalDate day, ZoneId zone) {
        return Optional.of(new Instant[]{ZonedDateTime.of(day, NIGHT_STARTS, zone).toInstant(),
                ZonedDateTime.of(day.plusDays(1), NIGHT_ENDS, zone).toInstant()});
    }

    /** The whole of {@code day} when it is a Saturday or Sunday, local time (a day the clocks change is 23 or 25 hours). */
    private static Optional<Instant[]> weekendDay(LocalDate day, ZoneId zone) {
        if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) return Optional.empty();
        return Optional.of(new Instant[]{day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()});
    }

    /** How much of {@code intervals} falls in the windows {@code window} gives each local day. */
    private static Duration overlap(List<Instant[]> intervals, ZoneId zone,
                                    java.util.function.BiFunction<LocalDate, ZoneId, Optional<Instant[]>> window) {
        Duration sum = Duration.ZERO;
        for (Instant[] i : intervals) {
            LocalDate last = i[1].atZone(zone).toLocalDate();
            for (LocalDate d = i[0].atZone(zone).toLocalDate().minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
                Optional<Instant[]> w = window.apply(d, zone);
                if (w.isEmpty()) continue;
                Instant from = max(i[0], w.get()[0]);
                Instant until = min(i[1], w.get()[1]);
                if (until.isAfter(from)) sum = sum.plus(Duration.between(from, until));
            }
        }
        return sum;
    }

    /** The intervals merged where they touch or overlap, so an hour held twice counts once. */
    private static List<Instant[]> union(List<Instant[]> intervals) {
        TreeMap<Instant, Instant> merged = new TreeMap<>();
        intervals.stream().sorted(Comparator.comparing((Instant[] i) -> i[0])).forEach(i -> {
            Map.Entry<Instant, Instant> last = merged.lastEntry();
            if (last != null && !i[0].isAfter(last.getValue())) {
                if (i[1].isAfter(last.getValue())) merged.put(last.getKey(), i[1]);
            } else {
                merged.put(i[0], i[1]);
            }
        });
        return merged.entrySet().stream().map(e -> new Instant[]{e.getKey(), e.getValue()}).toList();
    }

    private static Duration total(List<Instant[]> intervals) {
        return intervals.stream().map(i -> Duration.between(i[0], i[1])).reduce(Duration.ZERO, Duration::plus);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
