package app.escalate.commands.handoff;

import app.escalate.commands.HandoffDigest;
import app.escalate.commands.UserId;

import java.time.Instant;

/**
 * A reminder sent to {@code person} at {@code remindedAt} that their shift on {@code rotation}
 * starts at {@code startsAt}, with {@code preview}: the digest of that handover as it stood then,
 * built for them (restricted cases only if they are a member).
 */
public record ShiftReminder(long id, String rotation, Instant startsAt, UserId person, Instant remindedAt, HandoffDigest preview) {
}
