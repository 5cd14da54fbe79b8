package app.escalate.commands;

import app.escalate.config.SeverityPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The SLA clock a case is running against now, measured from its open time with its current
 * severity's times: ack until someone acknowledges, then mitigate until it is mitigated, then
 * resolve (when the severity has a resolve time).
 */
public final class SlaClock {
    /** A deadline this close is at risk: whoever is on call has to act within the hour. */
    public static final Duration AT_RISK_WITHIN = Duration.ofHours(1);

    public enum Standing {
        BREACHED, AT_RISK, ON_TRACK;

        public String label() {
            return switch (this) {
                case BREACHED -> "breached";
                case AT_RISK -> "at risk";
                case ON_TRACK -> "on track";
            };
        }
    }

    /** Which clock ({@code ack}, {@code mitigate} or {@code resolve}), when it runs out, and how it stands at the instant asked. */
    public record Status(String clock, Instant due, Standing standing) {
        public boolean needsAction() {
            return standing != Standing.ON_TRACK;
        }
    }

    private SlaClock() {
    }

    /** Empty for a resolved case, or one past mitigation whose severity sets no resolve time. */
    public static Optional<Status> of(Case c, SeverityPolicy sla, Instant now) {
        if (!c.isOpen()) return Optional.empty();
        if (c.acknowledged().isEmpty()) return Optional.of(status("ack", c.openedAt().plus(sla.ack()), now));
        if (c.state() == CaseState.TRIAGE || c.state() == CaseState.INVESTIGATING) {
            return Optional.of(status("mitigate", c.openedAt().plus(sla.mitigate()), now));
        }
        return sla.resolveWithin().map(resolve -> status("resolve", c.openedAt().plus(resolve), now));
    }

    /** A clock that is running: what it measures and when it runs out. */
    public record Running(String clock, Duration length, Instant due) {
    }

    /**
     * Every clock running on the case now, each from the open time: ack until acknowledged,
     * mitigate until the case is past investigating, resolve (when the severity has one) until resolved.
     */
    public static java.util.List<Running> running(Case c, SeverityPolicy sla) {
        if (!c.isOpen()) return java.util.List.of();
        java.util.List<Running> clocks = new java.util.ArrayList<>();
        if (c.acknowledged().isEmpty()) clocks.add(new Running("ack", sla.ack(), c.openedAt().plus(sla.ack())));
        if (c.state() == CaseState.TRIAGE || c.state() == CaseState.INVESTIGATING) {
            clocks.add(new Running("mitigate", sla.mitigate(), c.openedAt().plus(sla.mitigate())));
        }
        sla.resolveWithin().ifPresent(r -> clocks.add(new Running("resolve", r, c.openedAt().plus(r))));
        return clocks;
    }

    private static Status status(String clock, Instant due, Instant now) {
        Standing standing = !now.isBefore(due) ? Standing.BREACHED
                : Duration.between(now, due).compareTo(AT_RISK_WITHIN) <= 0 ? Standing.AT_RISK : Standing.ON_TRACK;
        return new Status(clock, due, standing);
    }
}
