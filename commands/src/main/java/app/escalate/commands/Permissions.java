package app.escalate.commands;

import app.escalate.commands.oncall.Level;
import app.escalate.commands.oncall.Schedule;
import app.escalate.commands.oncall.Shift;
import app.escalate.config.Policy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Who may steer a case: its owner, whoever is on call now (primary or secondary, in any rotation),
 * and the policy's {@code responders}. Notes and tasks are for anyone working the case. Refusals
 * say who can.
 */
public final class Permissions {
    public static final String RESPONDERS = "responders";

    private final Policy policy;
    private final Clock clock;

    public Permissions(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public boolean maySteer(UserId user, Case c) {
        return c.owner().map(user::equals).orElse(false) || policy.group(RESPONDERS).contains(user.value()) || onCall(user);
    }

    /** Anyone who may steer, and the people on the case (invited to it or working it). */
    public boolean mayWorkOn(UserId user, CaseFile file) {
        return file.members().contains(user) || maySteer(user, file.details());
    }

    private boolean onCall(UserId user) {
        Instant now = clock.instant();
        return policy.rotations().stream()
                .map(r -> new Schedule(r, policy::holidays, List.of()))
                .anyMatch(s -> s.at(Level.PRIMARY, now).map(Shift::who).filter(user::equals).isPresent()
                        || s.at(Level.SECONDARY, now).map(Shift::who).filter(user::equals).isPresent());
    }

    /** The sentence a refusal uses, e.g. "Only the case owner, the on-call or someone in `responders` can change severity." */
    public static String onlySteerers(String what) {
        return "Only the case owner, the on-call or someone in the `" + RESPONDERS + "` group can " + what + ".";
    }
}
