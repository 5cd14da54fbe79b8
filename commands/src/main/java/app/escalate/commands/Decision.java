package app.escalate.commands;

import java.util.List;

/** What a handler decided about a change to a case: refused with a reason, or applied. */
public sealed interface Decision {

    record Rejected(String reason) implements Decision {
    }

    /** The case as it now is, the timeline events that say why, and the Slack work that follows. */
    record Applied(CaseFile after, List<CaseEvent> events, List<SlackEffect> effects) implements Decision {
        public Applied {
            if (events.isEmpty()) throw new IllegalArgumentException("every change is at least one timeline event");
            events = List.copyOf(events);
            effects = List.copyOf(effects);
        }

        /** The same change, with {@code actor} made one of the case's people. */
        public Applied enrolling(UserId actor) {
            return after.members().contains(actor) ? this : new Applied(after.withMember(actor), events, effects);
        }
    }
}
