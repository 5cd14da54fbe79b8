package app.escalate.commands;

import java.time.Instant;
import java.util.Optional;

/** How a case was closed out: what was done, the root-cause category when one was given, by whom and when. */
public record Resolution(String text, Optional<String> rootCause, UserId by, Instant at) {
    /** The root cause a case merged into another as its duplicate is resolved with. */
    public static final String DUPLICATE = "duplicate";

    /** Whether this closed a duplicate merged into another case. */
    public boolean merged() {
        return rootCause.filter(DUPLICATE::equals).isPresent();
    }
}
