package app.escalate.commands;

import java.util.List;
import java.util.Set;

/** What opening a case sets in motion besides the case itself: timeline events, members, and Slack work. */
public record Opening(List<CaseEvent> events, Set<UserId> members, List<SlackEffect> effects, Paging paging) {
    /** Just Slack work: no extra events or members. */
    public static Opening of(List<SlackEffect> effects) {
        return new Opening(List.of(), Set.of(), effects, Paging.NONE);
    }

    public Opening {
        events = List.copyOf(events);
        members = Set.copyOf(members);
        effects = List.copyOf(effects);
    }
}
