package app.escalate.commands.access;

import app.escalate.commands.Case;
import app.escalate.commands.CaseFile;
import app.escalate.commands.UserId;
import app.escalate.commands.oncall.OnCall;
import app.escalate.config.Policy;

import java.time.Clock;

/**
 * Who may steer a case: its owner, whoever is on call now (primary or secondary, in any rotation),
 * and the policy's {@code responders}. Notes and tasks are for anyone working the case. Refusals
 * say who can.
 */
public final class Permissions {
    public static final String RESPONDERS = "responders";

    private final Policy policy;
    private final OnCall onCall;
    private final Clock clock;

    public Permissions(Policy policy, OnCall onCall, Clock clock) {
        this.policy = policy;
        this.onCall = onCall;
        this.clock = clock;
    }

    public boolean maySteer(UserId user, Case c) {
        return c.owner().map(user::equals).orElse(false) || isResponder(user) || onCall.isOnCall(user, clock.instant());
    }

    /** Anyone who may steer, and the people on the case (invited to it or working it). */
    public boolean mayWorkOn(UserId user, CaseFile file) {
        return file.members().contains(user) || maySteer(user, file.details());
    }

    public boolean isResponder(UserId user) {
        return policy.group(RESPONDERS).contains(user.value());
    }

    /** The sentence a refusal uses, e.g. "Only the case owner, the on-call or someone in `responders` can change severity." */
    public static String onlySteerers(String what) {
        return "Only the case owner, the on-call or someone in the `" + RESPONDERS + "` group can " + what + ".";
    }
}
