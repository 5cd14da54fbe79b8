package app.escalate.storage;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.EventData;
import app.escalate.commands.UserId;

import java.util.List;
import java.util.stream.Stream;

/**
 * Two events of every kind of {@link EventData}, found from the sealed hierarchy: one with every
 * optional value present, one with none, so a kind added tomorrow is kept and read back or a test fails.
 */
public final class EventSamples {
    private EventSamples() {
    }

    public static List<Class<?>> kinds() {
        return Samples.records(EventData.class);
    }

    public static List<CaseEvent> all(CaseId caseId) {
        return kinds().stream().flatMap(kind -> Stream.of(true, false).map(full -> (EventData) Samples.of(kind, full)))
                .map(data -> new CaseEvent(caseId, Samples.AT, new UserId("U0ESCKENJI"), data)).toList();
    }
}
