package app.escalate.commands.oncall;

import app.escalate.commands.Level;
import app.escalate.commands.Shift;
import app.escalate.commands.ShiftOverride;
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
 * region takes over where windows overlap). A layer's window belongs to the date it starts on; on a
 * holiday of its calendar it is covered by the weekend rotation's person for that week. The
 * secondary is never the primary's own person while the turn order offers someone else.
 */
public final class Schedule {
    /** How far {@link #next} looks ahead, and how far shifts are traced back. */
    public static final Duration HORIZON = Duration.ofDays(15);

    private final Rotation rotation;
    private final List<ShiftOverride> overrides;
    private final List<LayerRule> primaryLayers;
    private final List<LayerRule> secondaryLayers;

    public Schedule(Rotation rotation, Function<String, List<LocalDate>> holidays, List<ShiftOverride> overrides) {
        this.rotation = rotation;
        this.overrides = overrides.stream().filter(o -> o.rotation().equals(rotation.id()))
                .sorted(Comparator.comparing(ShiftOverride::createdAt).thenComparing(ShiftOverride::id)).toList();
        this.primaryLayers = rotation.primary().stream().map(l -> new LayerRule(l, holidays)).toList();
        this.secondaryLayers = rotation.secondary().stream().map(l -> new LayerRule(l, holidays)).toList();
    }

    public Rotation rotation() {
        return rotation;
    }

    /** The shift in force at {@code t}, with its start and end (traced up to {@link #HORIZON} either way); empty when nobody is on call. */
    public Optional<Shift> at(Level level, Instant t) {
        return shifts(level, t, t.plusNanos(1)).stream().findFirst();
    }

    /**
     * Who holds {@code level} at {@code t}: the person of {@link #at}, without tracing when the shift
     * began and ends, which costs a scan of weeks of boundaries. Every command asks this.
     */
    public Optional<UserId> holder(Level level, Instant t) {
        return who(level, t).map(Segment::who);
    }

    /** True when {@code user} holds primary or secondary at {@code t}. */
    public boolean isOnCall(UserId user, Instant t) {
        return holder(Level.PRIMARY, t).filter(user::equals).isPresent()
                || holder(Level.SECONDARY, t).filter(user::equals).isPresent();
    }

    /** The first shift to begin once the one in force at {@code t} ends (or after {@code t}, when nobody holds it). */
    public Optional<Shift> next(Level level, Instant t) {
        Instant after = at(level, t).map(Shift::until).orElse(t);
        return shifts(level, after, after.plus(HORIZON)).stream().filter(s -> !s.from().isBefore(after)).findFirst();
    }

    /**
     * Shifts overlapping [from, until), each as long as one person holds it (merged across layers
     * and rules), traced back and forward up to {@link #HORIZON} beyond the range.
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

    /**
     * The handovers of the primary level at instants in (from, until], oldest first: every change
     * of person, and every start of the weekend rotation even when its person was already on call.
     */
    public List<Handover> handovers(Instant from, Instant until) {
        List<Handover> handovers = new ArrayList<>();
        Set<Instant> seen = new java.util.HashSet<>();
        for (Shift s : shifts(Level.PRIMARY, from, until.plusNanos(1))) {
            if (s.from().isAfter(from) && !s.from().isAfter(until) && seen.add(s.from())) {
                handovers.add(new Handover(s.from(), at(Level.PRIMARY, s.from().minusNanos(1)), s, s.source().equals("weekend")));
            }
        }
        for (Segment w : weekends(Level.PRIMARY, from, until)) {
            if (!w.from().isAfter(from) || w.from().isAfter(until) || seen.contains(w.from())) continue;
            Optional<Segment> holder = who(Level.PRIMARY, w.from());
            if (holder.isEmpty() || !holder.get().source().equals("weekend")) continue;
            Optional<Shift> carryingOn = at(Level.PRIMARY, w.from());
            Instant ends = carryingOn.map(Shift::until).orElse(w.until());
            seen.add(w.from());
            handovers.add(new Handover(w.from(), at(Level.PRIMARY, w.from().minusNanos(1)),
                    new Shift(Level.PRIMARY, holder.get().who(), w.from(), ends, "weekend"), true));
        }
        handovers.sort(Comparator.comparing(Handover::at));
        return handovers;
    }

    /**
     * One stretch of time between two consecutive boundaries of the schedule, in which one person
     * holds {@code level} for one reason; {@code holiday} when it falls in a layer's window on a
     * date of that layer's holiday calendar (whoever covers it: the weekend person, or an override).
     */
    public record Stretch(Level level, UserId who, Instant from, Instant until, String source, boolean holiday) {
        public Duration length() {
            return Duration.between(from, until);
        }
    }

    /**
     * Who held {@code level} over [from, until), cut at every boundary of the rules (layer windows,
     * weekends, overrides, and for the secondary the primary's): a walk over boundaries, not over
     * minutes, and in instants, so a day the clocks change counts the hours that really passed.
     * Stretches nobody held are left out.
     */
    public List<Stretch> stretches(Level level, Instant from, Instant until) {
        List<Stretch> stretches = new ArrayList<>();
        if (!until.isAfter(from)) return stretches;
        TreeSet<Instant> cuts = boundaries(level, from, until);
        cuts.add(from);
        cuts.add(until);
        Instant start = null;
        for (Instant cut : cuts) {
            if (start != null) {
                Instant at = start;
                who(level, at).ifPresent(s -> stretches.add(new Stretch(level, s.who(), at, cut, s.source(),
                        rule(level, at).filter(r -> r.source().equals("holiday")).isPresent())));
            }
            start = cut;
        }
        return stretches;
    }

    /** Windows in [from, until) when nobody holds {@code level}. */
    public List<Shift> gaps(Level level, Instant from, Instant until) {
        List<Shift> gaps = new ArrayList<>();
        Instant cursor = from;
        for (Shift s : shifts(level, from, until)) {
            Instant shiftStart = s.from().isAfter(from) ? s.from() : from;
            if (shiftStart.isAfter(cursor)) gaps.add(new Shift(level, null, cursor, shiftStart, "gap"));
            if (s.until().isAfter(cursor)) cursor = s.until();
        }
        if (cursor.isBefore(until)) gaps.add(new Shift(level, null, cursor, until, "gap"));
        return gaps;
    }

    private static boolean samePerson(Optional<Segment> a, Optional<Segment> b) {
        return a.map(Segment::who).equals(b.map(Segment::who));
    }

    /** A stretch of time one rule gives to one person; {@code standIns} are the next people in turn order. */
    private record Segment(UserId who, Instant from, Instant until, String source, List<UserId> standIns) {
        boolean covers(Instant t) {
            return !t.isBefore(from) && t.isBefore(until);
        }
    }

    private Optional<Segment> who(Level level, Instant t) {
        Optional<Segment> found = base(level, t);
        if (level == Level.SECONDARY && found.isPresent() && !found.get().source().equals("override")) {
            Optional<UserId> primary = base(Level.PRIMARY, t).map(Segment::who);
            Segment s = found.get();
            if (primary.equals(Optional.of(s.who()))) {
                return Optional.of(s.standIns().stream().filter(u -> !u.equals(s.who())).findFirst()
                        .map(standIn -> new Segment(standIn, s.from(), s.until(), s.source() + ", standing in", s.standIns()))
                        .orElse(s));
            }
        }
        return found;
    }

    private Optional<Segment> base(Level level, Instant t) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            ShiftOverride o = overrides.get(i);
            if (o.level() == level && o.covers(t)) return Optional.of(new Segment(o.who(), o.from(), o.until(), "override", List.of()));
        }
        return rule(level, t);
    }

    /** Who the weekend or the layers (overrides aside) give {@code level} at {@code t}. */
    private Optional<Segment> rule(Level level, Instant t) {
        Optional<Segment> weekend = weekends(level, t.minus(Duration.ofDays(8)), t.plus(Duration.ofDays(1))).stream()
                .filter(s -> s.covers(t)).findFirst();
        if (weekend.isPresent()) return weekend;
        return layers(level, t.minus(Duration.ofDays(2)), t.plus(Duration.ofDays(1))).stream()
                .filter(s -> s.covers(t))
                .max(Comparator.comparing(Segment::from));
    }

    private TreeSet<Instant> boundaries(Level level, Instant from, Instant until) {
        TreeSet<Instant> all = new TreeSet<>();
        // The secondary steps aside when it would be the primary's person, so primary changes are its boundaries too.
        List<Level> levels = level == Level.SECONDARY ? List.of(Level.PRIMARY, Level.SECONDARY) : List.of(Level.PRIMARY);
        for (Level l : levels) {
            for (Segment s : weekends(l, from.minus(Duration.ofDays(8)), until)) {
                all.add(s.from());
                all.add(s.until());
            }
            for (Segment s : layers(l, from.minus(Duration.ofDays(2)), until)) {
                all.add(s.from());
                all.add(s.until());
            }
            for (ShiftOverride o : overrides) {
                if (o.level() == l) {
                    all.add(o.from());
                    all.add(o.until());
                }
            }
        }
        return new TreeSet<>(all.subSet(from, true, until, true));
    }

    /** Weekend segments starting in [from, until). */
    private List<Segment> weekends(Level level, Instant from, Instant until) {
        WeekendRotation w = rotation.weekend();
        List<String> members = w == null ? List.of() : level == Level.PRIMARY ? w.primary() : w.secondary();
        if (members.isEmpty()) return List.of();
        ZoneId zone = w.zone();
        LocalTime startTime = w.startTime();
        LocalTime endTime = w.endTime();
        List<Segment> segments = new ArrayList<>();
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(7).with(TemporalAdjusters.nextOrSame(w.startDay()));
        for (LocalDate d = first; !ZonedDateTime.of(d, startTime, zone).toInstant().isAfter(until); d = d.plusWeeks(1)) {
            ZonedDateTime start = ZonedDateTime.of(d, startTime, zone);
            ZonedDateTime end = ZonedDateTime.of(d.with(TemporalAdjusters.nextOrSame(w.endDay())), endTime, zone);
            if (!end.isAfter(start)) end = end.plusWeeks(1);
            segments.add(new Segment(turn(members, ChronoUnit.WEEKS.between(w.startDate(), d)), start.toInstant(), end.toInstant(),
                    "weekend", standIns(members, ChronoUnit.WEEKS.between(w.startDate(), d))));
        }
        return segments;
    }

    /** The weekend person for the week containing {@code date}: who covers a holiday. */
    private Optional<Segment> holidayCover(Level level, LocalDate date, Instant from, Instant until) {
        WeekendRotation w = rotation.weekend();
        List<String> members = w == null ? List.of() : level == Level.PRIMARY ? w.primary() : w.secondary();
        if (members.isEmpty()) return Optional.empty();
        LocalDate weekend = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(w.startDay()));
        long turn = ChronoUnit.WEEKS.between(w.startDate(), weekend);
        return Optional.of(new Segment(turn(members, turn), from, until, "holiday", standIns(members, turn)));
    }

    /** Layer segments whose local date falls in [from - 1 day, until]. */
    private List<Segment> layers(Level level, Instant from, Instant until) {
        List<Segment> segments = new ArrayList<>();
        for (LayerRule layer : level == Level.PRIMARY ? primaryLayers : secondaryLayers) {
            LocalDate last = until.atZone(layer.zone).toLocalDate();
            for (LocalDate d = from.atZone(layer.zone).toLocalDate().minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
                if (!layer.days.contains(d.getDayOfWeek())) continue;
                Instant start = ZonedDateTime.of(d, layer.from, layer.zone).toInstant();
                LocalDate endDate = layer.until.isAfter(layer.from) ? d : d.plusDays(1);
                Instant end = ZonedDateTime.of(endDate, layer.until, layer.zone).toInstant();
                if (layer.holidays.contains(d)) {
                    holidayCover(level, d, start, end).ifPresent(segments::add);
                } else {
                    long turn = layer.turn(d);
                    segments.add(new Segment(turn(layer.members, turn), start, end, layer.name, standIns(layer.members, turn)));
                }
            }
        }
        return segments;
    }

    private static UserId turn(List<String> members, long turn) {
        return new UserId(members.get((int) Math.floorMod(turn, (long) members.size())));
    }

    private static List<UserId> standIns(List<String> members, long turn) {
        List<UserId> order = new ArrayList<>();
        for (int i = 1; i < members.size(); i++) order.add(turn(members, turn + i));
        return order;
    }

    /** A layer's settings, read once: zone, window, working days, holidays, and how turns pass. */
    private static final class LayerRule {
        final String name;
        final ZoneId zone;
        final LocalTime from;
        final LocalTime until;
        final Set<DayOfWeek> days;
        final Set<LocalDate> holidays;
        final List<String> members;
        final boolean daily;
        final LocalDate start;

        LayerRule(Layer layer, Function<String, List<LocalDate>> calendars) {
            this.name = layer.name();
            this.zone = layer.zone();
            this.from = layer.from();
            this.until = layer.until();
            this.days = layer.workDays();
            this.holidays = layer.holidays() == null ? Set.of() : Set.copyOf(calendars.apply(layer.holidays()));
            this.members = layer.members();
            this.daily = layer.rotatesDaily();
            this.start = layer.start();
        }

        /** Daily turns count working days (so everyone gets turns); weekly turns count weeks. */
        long turn(LocalDate d) {
            if (!daily) return Math.floorDiv(ChronoUnit.DAYS.between(start, d), 7);
            long days = ChronoUnit.DAYS.between(start, d);
            long weeks = Math.floorDiv(days, 7);
            long count = weeks * this.days.size();
            for (LocalDate x = start.plusWeeks(weeks); x.isBefore(d); x = x.plusDays(1)) {
                if (this.days.contains(x.getDayOfWeek())) count++;
            }
            return count;
        }
    }
}
