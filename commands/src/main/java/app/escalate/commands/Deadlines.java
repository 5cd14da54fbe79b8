package app.escalate.commands;

import app.escalate.config.CaseDeadline;
import app.escalate.config.CaseType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The deadlines a case runs against besides its SLA clocks: its type's (from the open time or a
 * datetime field, unless its people moved them) and the ones its people set. Pure: the card, the
 * sweep, the digests and stats all read them from here.
 */
public final class Deadlines {
    /** Unless the policy says otherwise, a deadline warns when three quarters of its time has run, as the SLA clocks do. */
    static final double DEFAULT_WARN = 0.75;

    private Deadlines() {
    }

    /** How a deadline stands at an instant. */
    public enum Standing {
        BREACHED, WARNED, RUNNING, MET, MISSED, DROPPED;

        public boolean open() {
            return this == BREACHED || this == WARNED || this == RUNNING;
        }
    }

    /**
     * One deadline: due at {@code due}, warned from {@code warnAt}; {@code policy} when the case's
     * type sets it; {@code closed} once done or dropped.
     */
    public record Deadline(String name, Instant due, Instant warnAt, boolean policy, Optional<DeadlineEntry.Closed> closed) {
        public Standing standing(Instant now) {
            if (closed.isPresent()) {
                DeadlineEntry.Closed c = closed.get();
                if (c.outcome() == DeadlineEntry.Outcome.DROPPED) return Standing.DROPPED;
                return c.at().isAfter(due) ? Standing.MISSED : Standing.MET;
            }
            if (!now.isBefore(due)) return Standing.BREACHED;
            return !now.isBefore(warnAt) ? Standing.WARNED : Standing.RUNNING;
        }

        public boolean isOpen() {
            return closed.isEmpty();
        }
    }

    /** A type's deadline that runs from a datetime field not recorded yet. */
    public record Waiting(String name, String field) {
    }

    /** Every deadline of the case, soonest first; closed ones too (they say met, missed or dropped). */
    public static List<Deadline> of(CaseFile file, Optional<CaseType> type) {
        List<Deadline> all = new ArrayList<>();
        for (CaseDeadline rule : type.map(CaseType::deadlines).orElse(List.of())) {
            Optional<DeadlineEntry> entry = file.deadline(rule.name());
            Optional<Instant> moved = entry.flatMap(DeadlineEntry::due);
            Optional<Instant> start = moved.isPresent() ? entry.map(DeadlineEntry::setAt) : start(file, rule);
            if (start.isEmpty()) continue;
            Instant due = moved.orElse(start.get().plus(rule.after()));
            // Moved or not, it warns warn_at before it is due; never before it was set.
            Instant from = start.get();
            Instant warn = rule.warnBefore().map(w -> latest(due.minus(w), from)).orElse(warnAt(from, due));
            all.add(new Deadline(rule.name(), due, warn, true, entry.flatMap(DeadlineEntry::closed)));
        }
        for (DeadlineEntry e : file.deadlines()) {
            if (type.flatMap(t -> t.deadline(e.name())).isPresent() || e.due().isEmpty()) continue;
            all.add(new Deadline(e.name(), e.due().get(), warnAt(e.setAt(), e.due().get()), false, e.closed()));
        }
        all.sort(Comparator.comparing(Deadline::due).thenComparing(Deadline::name));
        return all;
    }

    /** The open ones. */
    public static List<Deadline> open(CaseFile file, Optional<CaseType> type) {
        return of(file, type).stream().filter(Deadline::isOpen).toList();
    }

    public static Optional<Deadline> named(CaseFile file, Optional<CaseType> type, String name) {
        return of(file, type).stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The type's deadlines that will start when their field is recorded. */
    public static List<Waiting> waiting(CaseFile file, Optional<CaseType> type) {
        List<Waiting> waiting = new ArrayList<>();
        for (CaseDeadline rule : type.map(CaseType::deadlines).orElse(List.of())) {
            if (file.deadline(rule.name()).flatMap(DeadlineEntry::due).isPresent() || start(file, rule).isPresent()) continue;
            rule.fromField().ifPresent(field -> waiting.add(new Waiting(rule.name(),
                    type.flatMap(t -> t.field(field)).map(f -> f.label()).orElse(field))));
        }
        return waiting;
    }

    private static Optional<Instant> start(CaseFile file, CaseDeadline rule) {
        if (rule.fromField().isEmpty()) return Optional.of(file.details().openedAt());
        return file.field(rule.fromField().get()).flatMap(Deadlines::instant);
    }

    private static Optional<Instant> instant(String kept) {
        try {
            return Optional.of(Instant.parse(kept));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Three quarters of the way from when it started to when it is due (at once for one already past). */
    static Instant warnAt(Instant start, Instant due) {
        if (!start.isBefore(due)) return due;
        return start.plus(Duration.ofMillis((long) (Duration.between(start, due).toMillis() * DEFAULT_WARN)));
    }
}
