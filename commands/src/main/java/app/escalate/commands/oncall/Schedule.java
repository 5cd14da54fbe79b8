package app.escalate.commands.oncall;

import app.escalate.commands.UserId;
import app.escalate.config.Layer;
import app.escalate.config.Rotation;
import app.escalate.config.WeekendRotation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One rotation's on-call schedule. Precedence, highest first: an override (the newest, if several),
 * the weekend, then the follow-the-sun layer whose window began most recently (so the incoming
 * region takes over where windows overlap). A layer's window on a holiday of its calendar is
 * covered by the weekend rotation's person for that week.
 */
public final class Schedule {
    /** How far {@link #next} looks ahead. */
    public static final Duration HORIZON = Duration.ofDays(15);

    private final Rotation rotation;
    private final Function<String, List<LocalDate>> holidays;
    private final List<Override> overrides;

    public Schedule(Rotation rotation, Function<String, List<LocalDate>> holidays, List<Override> overrides) {
        this.rotation = rotation;
        this.holidays = holidays;
        this.overrides = overrides.stream().filter(o -> o.rotation().equals(rotation.id()))
                .sorted(Comparator.comparing(Override::createdAt).thenComparing(Override::id)).toList();
    }

    public Rotation rotation() {
        return rotation;
    }

    /** The shift in force at {@code t}, stretched to its true start and end; empty when nobody is on call. */
    public Optional<Shift> at(Level level, Instant t) {
        return shifts(level, t, t.plusNanos(1)).stream().findFirst();
    }

    /** The next shift after the one in force at {@code t} (or after the gap at {@code t}), within {@link #HORIZON}. */
    public Optional<Shift> next(Level level, Instant t) {
        Optional<UserId> now = who(level, t).map(Segment::who);
        return shifts(level, t, t.plus(HORIZON)).stream()
                .filter(s -> s.from().isAfter(t) && !Optional.of(s.who()).equals(now))
                .findFirst();
    }

    /**
     * Shifts overlapping [from, until), each as long as one person holds it (merged across layers
     * and rules), with its true start and end even when those lie outside the range.
     */
    public List<Shift> shifts(Level level, Instant from, Instant until) {
        List<Shift> shifts = new ArrayList<>();
        Optional<Segment> current = who(level, from);
        Instant start = from;
        for (Instant b : boundaries(level, from.minus(HORIZON), from).descendingSet()) {
            if (!samePerson(who(level, b), current)) break;
            start = b;
        }
        Instant horizon = until.plus(HORIZON);
        for (Instant b : boundaries(level, from, horizon)) {
            if (!b.isAfter(from)) continue;
            Optional<Segment> next = who(level, b);
            if (samePerson(next, current)) continue;
            if (current.isPresent()) shifts.add(new Shift(level, current.get().who(), start, b, current.get().source()));
            if (!b.isBefore(until)) return shifts;
            start = b;
            current = next;
        }
        if (current.isPresent()) shifts.add(new Shift(level, current.get().who(), start, horizon, current.get().source()));
        return shifts;
    }

    /** Windows in [from, until) when nobody holds {@code level}. */
    public List<Shift> gaps(Level level, Instant from, Instant until) {
        List<Shift> gaps = new ArrayList<>();
        Instant cursor = from;
        for (Shift s : shifts(level, from, until)) {
            Instant shiftStart = max(s.from(), from);
            if (shiftStart.isAfter(cursor)) gaps.add(new Shift(level, null, cursor, shiftStart, "gap"));
            if (s.until().isAfter(cursor)) cursor = s.until();
        }
        if (cursor.isBefore(until)) gaps.add(new Shift(level, null, cursor, until, "gap"));
        return gaps;
    }

    private static boolean samePerson(Optional<Segment> a, Optional<Segment> b) {
        return a.map(Segment::who).equals(b.map(Segment::who));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A stretch of time one rule gives to one person. */
    private record Segment(UserId who, Instant from, Instant until, String source) {
        boolean covers(Instant t) {
            return !t.isBefore(from) && t.isBefore(until);
        }
    }

    private Optional<Segment> who(Level level, Instant t) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            Override o = overrides.get(i);
            if (o.level() == level && o.covers(t)) return Optional.of(new Segment(o.who(), o.from(), o.until(), "override"));
        }
        Optional<Segment> weekend = weekends(level, t.minus(Duration.ofDays(8)), t.plus(Duration.ofDays(1))).stream()
                .filter(s -> s.covers(t)).findFirst();
        if (weekend.isPresent()) return weekend;
        return layers(level, t.minus(Duration.ofDays(2)), t.plus(Duration.ofDays(1))).stream()
                .filter(s -> s.covers(t))
                .max(Comparator.comparing(Segment::from));
    }

    private TreeSet<Instant> boundaries(Level level, Instant from, Instant until) {
        TreeSet<Instant> all = new TreeSet<>();
        for (Segment s : weekends(level, from.minus(Duration.ofDays(8)), until)) {
            all.add(s.from());
            all.add(s.until());
        }
        for (Segment s : layers(level, from.minus(Duration.ofDays(2)), until)) {
            all.add(s.from());
            all.add(s.until());
        }
        for (Override o : overrides) {
            if (o.level() == level) {
                all.add(o.from());
                all.add(o.until());
            }
        }
        return new TreeSet<>(all.subSet(from, true, until, true));
    }

    /** Weekend segments starting in [from, until). */
    private List<Segment> weekends(Level level, Instant from, Instant until) {
        WeekendRotation w = rotation.weekend();
        if (w == null) return List.of();
        List<String> members = level == Level.PRIMARY ? w.primary() : w.secondary();
        if (members.isEmpty()) return List.of();
        ZoneId zone = w.zone();
        List<Segment> segments = new ArrayList<>();
        LocalDate first = weekendStart(w, from.atZone(zone).toLocalDate().minusDays(7));
        for (LocalDate d = first; !ZonedDateTime.of(d, w.startTime(), zone).toInstant().isAfter(until); d = d.plusWeeks(1)) {
            ZonedDateTime start = ZonedDateTime.of(d, w.startTime(), zone);
            LocalDate endDate = d.with(TemporalAdjusters.next(w.endDay()));
            if (w.endDay() == w.startDay() && !w.endTime().isAfter(w.startTime())) endDate = d.plusWeeks(1);
            ZonedDateTime end = ZonedDateTime.of(endDate, w.endTime(), zone);
            long turn = ChronoUnit.WEEKS.between(weekendStart(w, w.startDate()), d);
            segments.add(new Segment(new UserId(members.get((int) Math.floorMod(turn, (long) members.size()))),
                    start.toInstant(), end.toInstant(), "weekend"));
        }
        return segments;
    }

    private static LocalDate weekendStart(WeekendRotation w, LocalDate onOrAfter) {
        return onOrAfter.with(TemporalAdjusters.nextOrSame(w.startDay()));
    }

    /** The weekend person for the week containing {@code date}: who covers a holiday. */
    private Optional<UserId> holidayCover(Level level, LocalDate date) {
        WeekendRotation w = rotation.weekend();
        if (w == null) return Optional.empty();
        List<String> members = level == Level.PRIMARY ? w.primary() : w.secondary();
        if (members.isEmpty()) return Optional.empty();
        LocalDate weekend = weekendStart(w, date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        long turn = ChronoUnit.WEEKS.between(weekendStart(w, w.startDate()), weekend);
        return Optional.of(new UserId(members.get((int) Math.floorMod(turn, (long) members.size()))));
    }

    /** Layer segments whose local date falls in [from - 1 day, until]. */
    private List<Segment> layers(Level level, Instant from, Instant until) {
        List<Segment> segments = new ArrayList<>();
        for (Layer layer : level == Level.PRIMARY ? rotation.primary() : rotation.secondary()) {
            ZoneId zone = layer.zone();
            Set<DayOfWeek> days = layer.workDays();
            Set<LocalDate> off = layer.holidays() == null ? Set.of() : Set.copyOf(holidays.apply(layer.holidays()));
            LocalDate last = until.atZone(zone).toLocalDate();
            for (LocalDate d = from.atZone(zone).toLocalDate().minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
                if (!days.contains(d.getDayOfWeek())) continue;
                Instant start = ZonedDateTime.of(d, layer.from(), zone).toInstant();
                LocalTime endTime = layer.until();
                LocalDate endDate = endTime.isAfter(layer.from()) ? d : d.plusDays(1);
                Instant end = ZonedDateTime.of(endDate, endTime, zone).toInstant();
                Optional<UserId> person = off.contains(d) ? holidayCover(level, d) : Optional.of(member(layer, d));
                String source = off.contains(d) ? "holiday" : layer.name();
                person.ifPresent(p -> segments.add(new Segment(p, start, end, source)));
            }
        }
        return segments;
    }

    private static UserId member(Layer layer, LocalDate d) {
        long days = ChronoUnit.DAYS.between(layer.start(), d);
        long turn = layer.rotatesDaily() ? days : Math.floorDiv(days, 7);
        return new UserId(layer.members().get((int) Math.floorMod(turn, (long) layer.members().size())));
    }

}
