package app.escalate.commands.paging;

import app.escalate.commands.CaseId;
import app.escalate.commands.CaseStore;
import app.escalate.commands.Decision;
import app.escalate.config.Policy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The paging sweep: takes each page's next step when it is due (Slack, then a pager), releases
 * pages whose person's quiet hours have ended, and lets a page asked for go unanswered (climbing
 * to its group's next member). Each is decided with the case row locked, so a step is taken once
 * however many replicas sweep.
 */
public final class ClimbPages {
    private final CaseStore cases;
    private final PageSteps steps;
    private final Clock clock;

    public ClimbPages(CaseStore cases, Policy policy, Clock clock) {
        this.cases = cases;
        this.steps = new PageSteps(policy);
        this.clock = clock;
    }

    /** Takes every due step; returns how many cases' pages moved. */
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int moved = 0;
        for (CaseId id : cases.duePages(now)) {
            Decision d = cases.change(id, file -> {
                if (PageSteps.due(file, now).isEmpty()) return new Decision.Rejected("nothing due");
                PageSteps.Out out = PageSteps.Out.collecting();
                var after = steps.climbAll(file, now, out);
                if (out.events().isEmpty()) {
                    // Only the next due time moved (a step already taken): kept without a word on the timeline.
                    return new Decision.Rejected("nothing to record");
                }
                return new Decision.Applied(after, out.events(), out.effects());
            });
            if (d instanceof Decision.Applied) moved++;
        }
        return moved;
    }
}
