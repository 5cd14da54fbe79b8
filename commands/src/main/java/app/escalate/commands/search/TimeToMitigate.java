package app.escalate.commands.search;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.EventData;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How long a case took to mitigate (its first move to a mitigated state), from its timeline; empty if it never was. */
public final class TimeToMitigate {
    private TimeToMitigate() {
    }

    public static Optional<Duration> of(Case c, List<CaseEvent> timeline) {
        return timeline.stream()
                .filter(e -> e.as(EventData.StateChanged.class).filter(EventData.StateChanged::mitigates).isPresent())
                .map(CaseEvent::at).findFirst()
                .map(at -> Duration.between(c.openedAt(), at));
    }
}
