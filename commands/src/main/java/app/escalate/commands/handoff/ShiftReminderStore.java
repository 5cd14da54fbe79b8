package app.escalate.commands.handoff;

import app.escalate.commands.UserId;

import java.time.Instant;
import java.util.Optional;

/** Where shift reminders are kept: one per rotation, shift start and person, however many replicas sweep. */
public interface ShiftReminderStore {

    /** True when {@code person} has been reminded of their shift on {@code rotation} starting at {@code startsAt}. */
    boolean reminded(String rotation, Instant startsAt, UserId person);

    /**
     * Records the reminder and queues its effects in one transaction. False, with nothing written,
     * when that rotation, start and person already has one (another sweep or replica got there first).
     */
    boolean record(NewShiftReminder reminder);

    Optional<ShiftReminder> find(long id);
}
