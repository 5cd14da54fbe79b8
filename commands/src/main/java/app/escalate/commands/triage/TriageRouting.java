package app.escalate.commands.triage;

import app.escalate.commands.Severity;
import app.escalate.commands.Suggestion;
import app.escalate.config.RoutingRule;
import app.escalate.config.Triage;

import java.util.Optional;

/**
 * The team's routing rules applied to a suggestion: the first live rule that matches decides; none
 * matching holds it. Shadow rules never decide: {@link #shadow} reads them apart, for the record.
 */
public final class TriageRouting {
    /** Whether the suggestion is applied at once, and the rule that said so (none: no rule matched, so it waits). */
    public record Route(boolean apply, Optional<String> rule) {
    }

    private TriageRouting() {
    }

    public static Route route(Suggestion s, Triage triage) {
        return route(s.typeId(), s.severity().value(), s.confidence(), triage);
    }

    /**
     * The rules read for one proposed field value: the case's type (or the suggested one), the
     * suggested severity, and the value's own confidence, so a value is applied on its own only
     * where the whole suggestion would be at that confidence.
     */
    public static Route route(Optional<String> type, Severity severity, double confidence, Triage triage) {
        for (RoutingRule rule : triage.rules()) {
            if (!rule.shadow() && rule.when().matches(type.orElse(null), severity.name(), confidence)) {
                return new Route(rule.applies(), Optional.of(rule.name()));
            }
        }
        return new Route(false, Optional.empty());
    }

    /** The first shadow rule that matches the suggestion, read as live routing would read it; empty when none does. */
    public static Optional<RoutingRule> shadow(Suggestion s, Triage triage) {
        for (RoutingRule rule : triage.rules()) {
            if (rule.shadow() && rule.when().matches(s.typeId().orElse(null), s.severity().value().name(), s.confidence())) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
