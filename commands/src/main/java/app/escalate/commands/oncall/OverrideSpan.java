package app.escalate.commands.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Two local times read in someone's zone as the span of an override (or of a swap that becomes
 * one), with the rules {@code /esc override} holds them to: real times, in order, not already
 * past, at most {@link #LONGEST}.
 */
public record OverrideSpan(Instant from, Instant until) {
    public static final Duration LONGEST = Duration.ofDays(14);
    /** "From now" typed to the minute is a little in the past by the time it arrives. */
    public static final Duration GRACE = Duration.ofMinutes(5);

    /** What is wrong with the span, in a sentence; empty when {@link #of} reads it. */
    public static Optional<String> problem(LocalDateTime from, LocalDateTime until, ZoneId zone, Instant now, String what) {
        for (LocalDateTime local : List.of(from, until)) {
            if (zone.getRules().getValidOffsets(local).isEmpty()) {
                return Optional.of(local.toLocalTime() + " on " + local.toLocalDate() + " does not exist in " + zone
                        + " (the clocks skip it); pick another time.");
            }
        }
        OverrideSpan span = of(from, until, zone);
        if (!span.until.isAfter(span.from)) return Optional.of("The " + what + " must end after it starts.");
        if (!span.until.isAfter(now)) return Optional.of("That time has already passed.");
        if (span.from.isBefore(now.minus(GRACE))) {
            return Optional.of(article(what) + what + " cannot start in the past; start it now or later (history stays as it was).");
        }
        if (Duration.between(span.from, span.until).compareTo(LONGEST) > 0) {
            return Optional.of(article(what) + what + " lasts at most " + LONGEST.toDays() + " days; change the rotation for longer.");
        }
        return Optional.empty();
    }

    private static String article(String noun) {
        return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "An " : "A ";
    }

    /** In the autumn's repeated hour the earlier one is meant; replies show the instants as understood. */
    public static OverrideSpan of(LocalDateTime from, LocalDateTime until, ZoneId zone) {
        return new OverrideSpan(from.atZone(zone).toInstant(), until.atZone(zone).toInstant());
    }
}
