package app.escalate.commands;

import app.escalate.config.Policy;

/**
 * Who may steer a case: its owner and the policy's {@code responders}. Notes and tasks are open
 * to anyone in the channel. Refusals say who can.
 */
public final class Permissions {
    public static final String RESPONDERS = "responders";

    private final Policy policy;

    public Permissions(Policy policy) {
        this.policy = policy;
    }

    public boolean maySteer(UserId user, Case c) {
        return c.owner().map(user::equals).orElse(false) || policy.group(RESPONDERS).contains(user.value());
    }

    /** The sentence a refusal uses, e.g. "Only the case owner or someone in `responders` can change severity." */
    public static String onlySteerers(String what) {
        return "Only the case owner or someone in the `" + RESPONDERS + "` group can " + what + ".";
    }
}
