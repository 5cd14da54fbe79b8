package app.escalate.commands.triage;

import app.escalate.commands.Case;
import app.escalate.commands.Severity;
import app.escalate.commands.Suggestion;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;
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

    /**
     * Why a suggestion the rules would apply to {@code c} (as it is before triage) waits for a person
     * anyway: triage never lowers a severity, replaces a type someone chose, or applies a restricted
     * type to a case whose channel is not private. Empty when nothing stands in the way.
     */
    public static Optional<String> safeguard(Case c, Suggestion s, Policy policy) {
        if (s.severity().value().compareTo(c.severity()) > 0) {
            return Optional.of("it would lower the severity from " + c.severity() + " to " + s.severity().value());
        }
        if (c.caseType().isPresent() && s.typeId().isPresent() && !s.typeId().equals(c.caseType())) {
            return Optional.of("the case was opened as " + c.caseType().get());
        }
        if (s.typeId().flatMap(policy::caseType).map(CaseType::restricted).orElse(false) && !c.restricted()) {
            return Optional.of("its type is restricted, and this case's channel is not private");
        }
        return Optional.empty();
    }
}
