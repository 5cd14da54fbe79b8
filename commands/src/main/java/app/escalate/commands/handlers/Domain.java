package app.escalate.commands.handlers;

import app.escalate.commands.CaseStore;
import app.escalate.commands.access.Permissions;
import app.escalate.commands.handoff.HandoffDigests;
import app.escalate.commands.handoff.HandoffStore;
import app.escalate.commands.oncall.OnCall;
import app.escalate.commands.oncall.OverrideStore;
import app.escalate.commands.review.ReviewDates;
import app.escalate.config.Policy;

import java.time.Clock;

/**
 * The domain's shared services, built once: who is on call, who may act, the handoff digests and
 * the review dates. The commands, the scheduled jobs, the drafts and the on-call feed use these same
 * objects.
 */
public record Domain(OnCall onCall, Permissions permissions, HandoffDigests digests, ReviewDates reviewDates) {

    public static Domain of(CaseStore cases, OverrideStore overrides, HandoffStore handoffs, Policy policy, Clock clock) {
        OnCall onCall = new OnCall(policy, overrides);
        return new Domain(onCall, new Permissions(policy, onCall, clock), new HandoffDigests(cases, handoffs, policy),
                new ReviewDates(policy, clock));
    }
}
