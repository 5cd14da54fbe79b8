package app.escalate.commands.triage;

import app.escalate.commands.Suggestion;
import app.escalate.config.RoutingRule;
import app.escalate.config.Triage;

import java.util.Optional;

/** The team's routing rules applied to a suggestion: the first rule that matches decides; none matching holds it. */
public final class TriageRouting {
    /** Whether the suggestion is applied at once, and the rule that said so (none: no rule matched, so it waits). */
    public record Route(boolean apply, Optional<String> rule) {
    }

    private TriageRouting() {
    }

    public static Route route(Suggestion s, Triage triage) {
        String severity = s.severity().value().name();
        for (RoutingRule rule : triage.rules()) {
            if (rule.when().matches(s.typeId().orElse(null), severity, s.confidence())) {
                return new Route(rule.applies(), Optional.of(rule.name()));
            }
        }
        return new Route(false, Optional.empty());
    }
}
