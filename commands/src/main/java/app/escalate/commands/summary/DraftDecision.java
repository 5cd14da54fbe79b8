package app.escalate.commands.summary;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.SlackEffect;

import java.util.List;

/** What a reviewer's click decided about a draft: the decided draft, the case events and Slack effects it implies, or why not. */
public sealed interface DraftDecision {

    record Applied(Draft after, List<CaseEvent> events, List<SlackEffect> effects) implements DraftDecision {
        public Applied {
            events = List.copyOf(events);
            effects = List.copyOf(effects);
        }
    }

    record Rejected(String reason) implements DraftDecision {
    }
}
