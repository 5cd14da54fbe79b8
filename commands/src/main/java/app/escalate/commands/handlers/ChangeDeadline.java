package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CommandParser;
import app.escalate.commands.Deadlines;
import app.escalate.commands.DeadlineEntry;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /esc deadline …}: a deadline someone else set for the case (a regulator's reply date, a
 * court order), or one of its type's moved; marking one done (met when in time, missed when late)
 * or dropping it with a reason. Anyone working the case may add one or bring one forward; what
 * would silence a clock someone else set (moving it later, moving or finishing a type's deadline,
 * dropping any) is for those who may steer the case. An open case only.
 */
final class ChangeDeadline {
    /** Open deadlines a case may carry: enough for any real case, few enough for the card and the digests. */
    static final int MAX_OPEN = 20;

    private final Policy policy;
    private final Permissions permissions;

    ChangeDeadline(Policy policy, Permissions permissions) {
        this.policy = policy;
        this.permissions = permissions;
    }

    Decision set(CaseFile file, CaseAction.SetDeadline action, UserId actor, Instant now) {
        var c = file.details();
        if (!c.isOpen()) return Decisions.reopenFirst(c);
        Instant due;
        if (action.when() instanceof CaseAction.When.Exactly e) due = e.at();
        else if (action.when() instanceof CaseAction.When.In in) due = now.plus(in.after());
        // A local time is read in the asker's zone before any handler sees it; reaching here is a wiring fault.
        else throw new IllegalStateException("a local time reaches the handler unread: " + action.when());
        if (!due.isAfter(now)) return Decisions.rejected("That time has passed; a deadline is due later than now.");
        if (due.isAfter(now.plus(CommandParser.LONGEST_DEADLINE))) {
            return Decisions.rejected("A deadline is due within " + CommandParser.LONGEST_DEADLINE.toDays() + " days from now.");
        }
        Optional<Deadlines.Deadline> current = Deadlines.named(file, type(file), action.name()).filter(Deadlines.Deadline::isOpen);
        if (current.map(d -> d.due().equals(due)).orElse(false)) {
            // Typed twice, or the zone lookup run again: what was asked for is what stands.
            return Decisions.rejected("`" + action.name() + "` of " + c.id() + " is due then already; nothing changed.");
        }
        boolean typeDeadline = type(file).flatMap(t -> t.deadline(action.name())).isPresent();
        boolean later = current.map(d -> due.isAfter(d.due())).orElse(false);
        if ((typeDeadline || later) && !permissions.maySteer(actor, c)) {
            return Decisions.rejected(Permissions.onlySteerers(typeDeadline ? "move the " + action.name() + " deadline every "
                    + type(file).get().label() + " case runs against" : "move a deadline later"));
        }
        if (current.isEmpty() && Deadlines.open(file, type(file)).size() >= MAX_OPEN) {
            return Decisions.rejected(c.id() + " has " + MAX_OPEN + " open deadlines; mark one done or drop one first.");
        }
        CaseFile after = file.withDeadline(new DeadlineEntry(action.name(), Optional.of(due), now, actor, Optional.empty()));
        return Decisions.applied(after, new CaseEvent(c.id(), now, actor,
                new EventData.DeadlineSet(action.name(), due, current.map(Deadlines.Deadline::due))));
    }

    Decision complete(CaseFile file, CaseAction.CompleteDeadline action, UserId actor, Instant now) {
        boolean typeDeadline = type(file).flatMap(t -> t.deadline(action.name())).isPresent();
        if (typeDeadline && !permissions.maySteer(actor, file.details())) {
            return Decisions.rejected(Permissions.onlySteerers("mark the " + action.name() + " deadline done"));
        }
        return close(file, action.name(), new DeadlineEntry.Closed(DeadlineEntry.Outcome.DONE, now, actor, Optional.empty()));
    }

    Decision drop(CaseFile file, CaseAction.DropDeadline action, UserId actor, Instant now) {
        if (!permissions.maySteer(actor, file.details())) return Decisions.rejected(Permissions.onlySteerers("drop a deadline"));
        return close(file, action.name(), new DeadlineEntry.Closed(DeadlineEntry.Outcome.DROPPED, now, actor, Optional.of(action.reason())));
    }

    private Decision close(CaseFile file, String name, DeadlineEntry.Closed how) {
        var c = file.details();
        if (!c.isOpen()) return Decisions.reopenFirst(c);
        Optional<Deadlines.Deadline> open = Deadlines.named(file, type(file), name).filter(Deadlines.Deadline::isOpen);
        if (open.isEmpty()) {
            String names = Deadlines.open(file, type(file)).stream().map(d -> "`" + d.name() + "`").collect(Collectors.joining(", "));
            return Decisions.rejected(c.id() + " has no open deadline `" + name + "`"
                    + (names.isEmpty() ? "." : "; its open ones: " + names + "."));
        }
        Deadlines.Deadline d = open.get();
        EventData data = how.outcome() == DeadlineEntry.Outcome.DONE
                ? new EventData.DeadlineDone(name, d.due(), !how.at().isAfter(d.due()))
                : new EventData.DeadlineDropped(name, d.due(), how.reason().orElseThrow());
        return Decisions.applied(file.withDeadlineClosed(name, how), new CaseEvent(c.id(), how.at(), how.by(), data));
    }

    private Optional<CaseType> type(CaseFile file) {
        return file.details().caseType().flatMap(policy::caseType);
    }
}
