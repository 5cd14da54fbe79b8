package app.escalate.commands.handlers;

import app.escalate.commands.Handoff;
import app.escalate.commands.Level;
import app.escalate.commands.Reply;
import app.escalate.commands.ShiftOverride;
import app.escalate.commands.handoff.HandoffStore;
import app.escalate.commands.oncall.OnCall;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code /esc oncall}: for each rotation, who holds primary and secondary now, until when, who is
 * next, the overrides, and any handoff still waiting to be accepted.
 */
public final class ShowOnCall {
    private final OnCall onCall;
    private final HandoffStore handoffs;
    private final Clock clock;

    public ShowOnCall(OnCall onCall, HandoffStore handoffs, Clock clock) {
        this.onCall = onCall;
        this.handoffs = handoffs;
        this.clock = clock;
    }

    public Reply handle() {
        Instant now = clock.instant();
        List<ShiftOverride> overrides = onCall.overrides().active(now);
        List<Handoff> pending = handoffs.pending();
        List<Reply.RotationNow> rotations = onCall.schedules(now).stream().map(schedule -> new Reply.RotationNow(
                schedule.rotation().name(), schedule.at(Level.PRIMARY, now), schedule.at(Level.SECONDARY, now),
                schedule.next(Level.PRIMARY, now),
                overrides.stream().filter(o -> o.rotation().equals(schedule.rotation().id())).toList(),
                pending.stream().filter(h -> h.rotation().equals(schedule.rotation().id())).toList())).toList();
        return new Reply.OnCallNow(rotations);
    }
}
