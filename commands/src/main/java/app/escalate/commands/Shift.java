package app.escalate.commands;

import java.time.Instant;

/** {@code who} is on call at {@code level} from {@code from} until {@code until}; {@code source} says why (layer, weekend, holiday, override). */
public record Shift(Level level, UserId who, Instant from, Instant until, String source) {
}
