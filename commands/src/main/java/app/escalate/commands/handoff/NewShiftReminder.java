package app.escalate.commands.handoff;

import app.escalate.commands.HandoffDigest;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;

import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

/** A {@link ShiftReminder} to record; {@code effects} gets the id the store gives it (the DM that carries it). */
public record NewShiftReminder(String rotation, Instant startsAt, UserId person, Instant remindedAt, HandoffDigest preview,
                               LongFunction<List<SlackEffect>> effects) {
}
