package app.escalate.commands;

import java.time.Instant;

/** {@code by} flagged the case for the next shift's (or the weekend's) attention at {@code at}. */
public record Watch(UserId by, Instant at) {
}
