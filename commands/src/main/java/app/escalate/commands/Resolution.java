package app.escalate.commands;

import java.time.Instant;
import java.util.Optional;

/** How a case was closed out: what was done, the root-cause category when one was given, by whom and when. */
public record Resolution(String text, Optional<String> rootCause, UserId by, Instant at) {
}
