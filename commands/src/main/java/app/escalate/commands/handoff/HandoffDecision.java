package app.escalate.commands.handoff;

import app.escalate.commands.Handoff;
import app.escalate.commands.SlackEffect;

import java.util.List;

/** What a handler decided about a stored handoff: the changed record with its events and effects, or why not. */
public sealed interface HandoffDecision {

    record Applied(Handoff after, List<HandoffEvent> events, List<SlackEffect> effects) implements HandoffDecision {
        public Applied {
            events = List.copyOf(events);
            effects = List.copyOf(effects);
            if (events.isEmpty()) throw new IllegalArgumentException("an applied decision records at least one event");
        }
    }

    record Rejected(String reason) implements HandoffDecision {
    }
}
