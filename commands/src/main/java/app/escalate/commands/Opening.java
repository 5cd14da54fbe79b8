package app.escalate.commands;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What opening a case sets in motion besides the case itself: timeline events, members, Slack work, the fields its form filled, and its pages. */
public record Opening(List<CaseEvent> events, Set<UserId> members, List<SlackEffect> effects, Paging paging, Map<String, String> fields,
                      List<PersonPage> pages) {
    /** Just Slack work: no extra events or members. */
    public static Opening of(List<SlackEffect> effects) {
        return new Opening(List.of(), Set.of(), effects, Paging.NONE, Map.of());
    }

    public Opening {
        events = List.copyOf(events);
        members = Set.copyOf(members);
        effects = List.copyOf(effects);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    public Opening(List<CaseEvent> events, Set<UserId> members, List<SlackEffect> effects, Paging paging, Map<String, String> fields) {
        this(events, members, effects, paging, fields, List.of());
    }
}
