package app.escalate.commands.handoff;

import app.escalate.commands.HandoffDigest;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.oncall.Handover;
import app.escalate.commands.oncall.OnCall;
import app.escalate.commands.oncall.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The shift-reminder sweep, run every few seconds by the scheduler. For a rotation with
 * {@code remind_before}, whoever takes primary at one of its handovers (the instants
 * {@link HandoffWatch} posts digests at, overrides applied) is told by direct message from
 * {@code remind_before} ahead of it, with a preview of the digest as it stands then. A reminder
 * whose time passed while the bot was down is sent late, but never once the shift has begun.
 * Each (rotation, shift start, person) is reminded once: an override that changes who takes
 * over after a reminder was sent gets the new person one of their own.
 */
public final class ShiftReminders {
    private static final Logger log = LoggerFactory.getLogger(ShiftReminders.class);

    private final ShiftReminderStore reminders;
    private final HandoffDigests digests;
    private final OnCall onCall;
    private final Clock clock;

    public ShiftReminders(ShiftReminderStore reminders, HandoffDigests digests, OnCall onCall, Clock clock) {
        this.reminders = reminders;
        this.digests = digests;
        this.onCall = onCall;
        this.clock = clock;
    }

    /** One sweep; the number of reminders recorded (so the caller wakes the outbox worker). */
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int sent = 0;
        // One rotation that fails (bad data, a database hiccup) must not stop the others.
        for (Schedule schedule : onCall.schedules(now)) {
            try {
                sent += remind(schedule, now);
            } catch (RuntimeException e) {
                log.warn("shift reminders: rotation {} failed, will retry: {}", schedule.rotation().id(), e.toString());
            }
        }
        return sent;
    }

    /**
     * The handovers whose reminder is due at {@code now}: those starting after {@code now} and no
     * later than {@code now + remind_before}. None for a rotation without {@code remind_before}.
     */
    public static List<Handover> due(Schedule schedule, Instant now) {
        return schedule.rotation().reminder().map(lead -> schedule.handovers(now, now.plus(lead))).orElse(List.of());
    }

    private int remind(Schedule schedule, Instant now) {
        String rotation = schedule.rotation().id();
        int sent = 0;
        for (Handover handover : due(schedule, now)) {
            UserId person = handover.incoming().who();
            if (reminders.reminded(rotation, handover.at(), person)) continue;
            if (reminders.record(new NewShiftReminder(rotation, handover.at(), person, now, preview(schedule, handover, now),
                    id -> List.of(new SlackEffect.PostShiftReminder(id, person.value()))))) {
                sent++;
            }
        }
        return sent;
    }

    /** The digest the handover would carry if it happened now, as its incoming person will read it. */
    private HandoffDigest preview(Schedule schedule, Handover handover, Instant now) {
        HandoffDigest.Header header = digests.header(schedule, handover, false);
        return digests.build(header, digests.facts(header, now), HandoffDigests.forReader(handover.incoming().who()), now);
    }
}
