package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseState;
import app.escalate.commands.DeadlineEntry;
import app.escalate.commands.Deadlines;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.Resolution;
import app.escalate.commands.Severity;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;
import app.escalate.commands.fields.RequiredFields;
import app.escalate.config.Policy;
import app.escalate.config.RootCause;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code /esc resolve <resolution> [cause:<id>]}: SEV1 and SEV2 must name a root-cause category from the policy. */
final class ResolveCase implements CaseChange<CaseAction.Resolve> {
    private final Policy policy;
    private final Permissions permissions;

    ResolveCase(Policy policy, Permissions permissions) {
        this.policy = policy;
        this.permissions = permissions;
    }

    @Override
    public Decision decide(CaseFile file, CaseAction.Resolve action, UserId actor, Instant now) {
        var c = file.details();
        if (!c.isOpen()) return Decisions.rejected(c.id() + " is already resolved.");
        if (!permissions.maySteer(actor, c)) return Decisions.rejected(Permissions.onlySteerers("resolve a case"));
        String causes = policy.rootCauses().stream().map(r -> "`" + r.id() + "`").collect(Collectors.joining(", "));
        if (action.rootCause().isPresent() && policy.rootCause(action.rootCause().get()).isEmpty()) {
            return Decisions.rejected("There is no root cause `" + action.rootCause().get() + "`. Causes: " + causes + ".");
        }
        if (action.rootCause().isEmpty() && c.severity().compareTo(Severity.SEV2) <= 0 && !policy.rootCauses().isEmpty()) {
            return Decisions.rejected("A " + c.severity() + " needs a root cause to resolve: add `cause:<id>`, one of " + causes + ".");
        }
        Optional<String> needs = RequiredFields.refusal(policy, file, CaseState.RESOLVED, "be resolved");
        if (needs.isPresent()) return Decisions.rejected(needs.get());
        Optional<String> cause = action.rootCause().flatMap(policy::rootCause).map(RootCause::id);
        List<CaseEvent> events = new ArrayList<>(List.of(new CaseEvent(c.id(), now, actor, new EventData.Resolved(c.state(), action.resolution(), cause))));
        CaseFile after = file.with(c.resolvedWith(new Resolution(action.resolution(), action.rootCause(), actor, now)));
        // Resolved means the work is done: open deadlines are done now, met or missed, so no clock runs on silently.
        for (Deadlines.Deadline d : Deadlines.open(file, c.caseType().flatMap(policy::caseType))) {
            after = after.withDeadlineClosed(d.name(), new DeadlineEntry.Closed(DeadlineEntry.Outcome.DONE, now, actor, Optional.empty()));
            events.add(new CaseEvent(c.id(), now, actor, new EventData.DeadlineDone(d.name(), d.due(), !now.isAfter(d.due()))));
        }
        return Decisions.applied(after, events.toArray(CaseEvent[]::new));
    }
}
