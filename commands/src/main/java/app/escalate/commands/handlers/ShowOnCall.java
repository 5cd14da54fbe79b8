package app.escalate.commands.handlers;

import app.escalate.commands.Reply;
import app.escalate.commands.oncall.Level;
import app.escalate.commands.oncall.Schedule;
import app.escalate.config.Policy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** {@code /esc oncall}: for each rotation, who holds primary and secondary now, until when, and who is next. */
public final class ShowOnCall {
    private final Policy policy;
    private final Clock clock;

    public ShowOnCall(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public Reply handle() {
        Instant now = clock.instant();
        List<Reply.RotationNow> rotations = policy.rotations().stream().map(r -> {
            Schedule schedule = new Schedule(r, policy::holidays, List.of());
            return new Reply.RotationNow(r.name(), schedule.at(Level.PRIMARY, now), schedule.at(Level.SECONDARY, now),
                    schedule.next(Level.PRIMARY, now));
        }).toList();
        return new Reply.OnCallNow(rotations);
    }
}
