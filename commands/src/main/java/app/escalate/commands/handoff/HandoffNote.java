package app.escalate.commands.handoff;

import app.escalate.commands.UserId;

import java.time.Instant;
import java.util.Optional;

/** A note for the next handoff digest of {@code rotation} (of every rotation when empty). */
public record HandoffNote(Optional<String> rotation, UserId author, String text, Instant at) {
}
