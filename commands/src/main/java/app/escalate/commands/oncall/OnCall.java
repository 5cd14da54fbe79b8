package app.escalate.commands.oncall;

import app.escalate.commands.ShiftOverride;
import app.escalate.commands.UserId;
import app.escalate.config.Policy;
import app.escalate.config.Rotation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The policy's rotations with the overrides in force: who is on call, as the rest of the domain asks it. */
public final class OnCall {
    private final Policy policy;
    private final OverrideStore overrides;

    public OnCall(Policy policy, OverrideStore overrides) {
        this.policy = policy;
        this.overrides = overrides;
    }

    /** Every rotation's schedule, with the overrides that can matter from {@code now} on. */
    public List<Schedule> schedules(Instant now) {
        List<ShiftOverride> active = overrides.active(now.minus(Schedule.HORIZON));
        return policy.rotations().stream().map(r -> new Schedule(r, policy::holidays, active)).toList();
    }

    /** Every rotation's schedule, with every override that can matter from {@code from} on: for looking back over a period. */
    public List<Schedule> schedulesSince(Instant from) {
        return schedules(from);
    }

    public Optional<Schedule> schedule(String rotation, Instant now) {
        return schedules(now).stream().filter(s -> s.rotation().id().equals(rotation)).findFirst();
    }

    public boolean isOnCall(UserId user, Instant now) {
        return schedules(now).stream().anyMatch(s -> s.isOnCall(user, now));
    }

    /** True when {@code user} takes turns somewhere in {@code rotation} (any layer, level or weekend). */
    public static boolean isMemberOf(Rotation rotation, UserId user) {
        String id = user.value();
        return rotation.primary().stream().anyMatch(l -> l.members().contains(id))
                || rotation.secondary().stream().anyMatch(l -> l.members().contains(id))
                || (rotation.weekend() != null && (rotation.weekend().primary().contains(id) || rotation.weekend().secondary().contains(id)));
    }

    public OverrideStore overrides() {
        return overrides;
    }
}
