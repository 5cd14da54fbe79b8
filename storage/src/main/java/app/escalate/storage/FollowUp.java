package app.escalate.storage;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.SlackEffect;

import java.util.List;

/**
 * What follows an effect's outcome, recorded in the same transaction as that outcome: what the
 * timeline says happened, and the work that may only start now (telling someone it went, or did not).
 */
public record FollowUp(List<CaseEvent> events, List<SlackEffect> effects) {
    public static final FollowUp NONE = new FollowUp(List.of(), List.of());

    public FollowUp {
        events = List.copyOf(events);
        effects = List.copyOf(effects);
    }

    public static FollowUp effects(SlackEffect... effects) {
        return new FollowUp(List.of(), List.of(effects));
    }

    public static FollowUp event(CaseEvent event) {
        return new FollowUp(List.of(event), List.of());
    }
}
