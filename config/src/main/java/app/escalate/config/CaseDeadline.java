package app.escalate.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * A deadline someone else sets for every case of a type ({@code case_types[].deadlines[]}): due
 * {@code after} a time from {@code from} (the case's open time, {@code opened}, or one of the
 * type's {@code datetime} fields such as the regulator's {@code received_at}), with a warning
 * {@code warn_at} before it is due (unset: when three quarters of its time has run, as the SLA
 * clocks warn).
 */
public record CaseDeadline(String name, Duration after, String from, @JsonProperty("warn_at") Duration warnAt) {
    public static final String OPENED = "opened";
    /** How deadline names are written, in the policy and in {@code /esc deadline <name> …}. */
    public static final String NAME = "[a-z][a-z0-9-]{0,39}";

    public CaseDeadline {
        if (name == null || !name.matches(NAME)) {
            throw new IllegalArgumentException("name: lowercase letters, digits and hyphens, got \"" + name + "\"");
        }
        if (after == null || after.isNegative() || after.isZero()) throw new IllegalArgumentException("after: a duration such as 72h or 30d");
        if (from == null) from = OPENED;
        if (warnAt != null && (warnAt.isNegative() || warnAt.isZero() || warnAt.compareTo(after) >= 0)) {
            throw new IllegalArgumentException("warn_at: how long before the deadline to warn, shorter than after (" + after + ")");
        }
    }

    /** The datetime field the deadline runs from, or empty when it runs from the case's open time. */
    public Optional<String> fromField() {
        return from.equals(OPENED) ? Optional.empty() : Optional.of(from);
    }

    public Optional<Duration> warnBefore() {
        return Optional.ofNullable(warnAt);
    }
}
