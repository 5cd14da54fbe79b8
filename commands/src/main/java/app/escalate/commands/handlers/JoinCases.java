package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.DeadlineEntry;
import app.escalate.commands.Deadlines;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.JointDecision;
import app.escalate.commands.MachineReporter;
import app.escalate.commands.Resolution;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Changes to two cases at once. {@code /esc link}: related, both ways. {@code /esc merge}: the case
 * is a duplicate of another — resolved as {@code duplicate}, its people invited to the other, its
 * open tasks moved there, its open deadlines dropped, and each timeline pointing at the other.
 * Pure; who may do it is checked before.
 */
final class JoinCases {
    static final String DUPLICATE = Resolution.DUPLICATE;

    private final Policy policy;

    JoinCases(Policy policy) {
        this.policy = policy;
    }

    JointDecision link(CaseFile self, CaseFile that, boolean linked, UserId actor, Instant now) {
        if (linked == self.links().contains(that.id())) {
            return new JointDecision.Rejected(linked ? self.id() + " and " + that.id() + " are linked already."
                    : self.id() + " is not linked to " + that.id() + ".");
        }
        return new JointDecision.Applied(linked(self, that.id(), linked, actor, now), linked(that, self.id(), linked, actor, now));
    }

    private static Decision.Applied linked(CaseFile file, app.escalate.commands.CaseId other, boolean linked, UserId actor, Instant now) {
        CaseEvent e = new CaseEvent(file.id(), now, actor, linked ? new EventData.CaseLinked(other) : new EventData.CaseUnlinked(other));
        return new Decision.Applied(file.withLink(other, linked), List.of(e), SlackEffect.forChange(file.id(), List.of(e)));
    }

    JointDecision merge(CaseFile duplicate, CaseFile target, CaseAction.Merge action, UserId actor, Instant now) {
        if (!duplicate.details().isOpen()) return new JointDecision.Rejected(duplicate.id() + " is already resolved.");
        // A button's value is the clicker's to forge: it merges only along the flag the bot raised.
        if (action.fromFlag() && !DuplicateFlags.flagged(duplicate, target.id())) {
            return new JointDecision.Rejected(DuplicateFlags.notFlagged(duplicate.id(), target.id()));
        }
        if (!target.details().isOpen()) {
            return new JointDecision.Rejected(target.id() + " is resolved; `/esc reopen " + target.id() + "` first, or `/esc link "
                    + target.id() + "` to keep them related.");
        }
        // The duplicate's open tasks go on in the target, numbered after its own; here they are done by the merge.
        List<Task> moved = new ArrayList<>();
        List<Task> left = new ArrayList<>();
        int next = target.tasks().stream().mapToInt(Task::number).max().orElse(0);
        for (Task t : duplicate.tasks()) {
            if (t.isDone()) {
                left.add(t);
                continue;
            }
            moved.add(new Task(++next, t.text(), t.assignee(), t.createdBy(), now, Optional.empty(), Optional.empty()));
            left.add(t.done(actor, now));
        }
        Set<UserId> people = new LinkedHashSet<>();
        people.add(duplicate.details().reporter());
        people.addAll(duplicate.members());
        people.removeAll(target.members());
        people.removeIf(MachineReporter::is);   // a machine source is no Slack user: never invited

        CaseFile resolved = duplicate.with(duplicate.details().resolvedWith(new Resolution("Duplicate of " + target.id(),
                Optional.of(DUPLICATE), actor, now))).withTasks(left).withLink(target.id(), true);
        for (Deadlines.Deadline d : Deadlines.open(duplicate, duplicate.details().caseType().flatMap(policy::caseType))) {
            resolved = resolved.withDeadlineClosed(d.name(), new DeadlineEntry.Closed(DeadlineEntry.Outcome.DROPPED, now, actor,
                    Optional.of("merged into " + target.id())));
        }
        List<CaseEvent> here = List.of(
                new CaseEvent(duplicate.id(), now, actor, new EventData.Resolved(duplicate.details().state(), "Duplicate of " + target.id(),
                        Optional.of(DUPLICATE))),
                new CaseEvent(duplicate.id(), now, actor, new EventData.MergedInto(target.id(), moved.size())));

        List<Task> targetTasks = new ArrayList<>(target.tasks());
        targetTasks.addAll(moved);
        CaseFile joined = target.withTasks(targetTasks).withLink(duplicate.id(), true);
        for (UserId person : people) joined = joined.withMember(person);
        CaseEvent there = new CaseEvent(target.id(), now, actor, new EventData.DuplicateMerged(duplicate.id(), List.copyOf(people), moved.size()));
        List<SlackEffect> invite = people.isEmpty() ? List.of() : List.of(new SlackEffect.InviteToChannel(target.id(), List.copyOf(people)));
        return new JointDecision.Applied(
                DuplicateFlags.merged(resolved, here, DuplicateFlags.judgedByMerge(duplicate, target.id(), actor, now), List.of()),
                // The older case merged into the newer one flagged against it: the flag was right all the same.
                DuplicateFlags.merged(joined, List.of(there), DuplicateFlags.confirmedByMerge(target, duplicate.id(), actor, now), invite));
    }
}
