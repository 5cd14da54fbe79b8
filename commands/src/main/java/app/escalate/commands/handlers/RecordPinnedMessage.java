package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseStore;
import app.escalate.commands.ChannelId;
import app.escalate.commands.CommandParser;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.PinnedMessage;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A message in a case channel marked with :pushpin: joins the case's timeline, once per message,
 * however many people pin it.
 */
public final class RecordPinnedMessage {
    private final CaseStore cases;
    private final Clock clock;

    public RecordPinnedMessage(CaseStore cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /** The case whose channel this is, if any: worth fetching the message for. */
    public Optional<Case> caseIn(ChannelId channel) {
        return cases.findByChannel(channel);
    }

    /**
     * Records the message; empty when it was already on the timeline. The check runs while the
     * store holds the case's lock, so two pins, even on two replicas, record it once.
     */
    public Optional<CaseEvent> record(Case c, UserId pinnedBy, PinnedMessage message) {
        String text = SlackText.clip(message.text().strip(), CommandParser.MAX_NOTE_LENGTH);
        CaseEvent event = new CaseEvent(c.id(), clock.instant().truncatedTo(ChronoUnit.MILLIS), pinnedBy,
                new EventData.MessagePinned(message.ts(), message.author(), text, message.permalink()));
        Decision decision = cases.change(c.id(), file -> {
            boolean known = cases.timeline(c.id()).stream()
                    .anyMatch(e -> e.as(EventData.MessagePinned.class).filter(p -> p.ts().equals(message.ts())).isPresent());
            return known ? new Decision.Rejected("already on the timeline") : new Decision.Applied(file, List.of(event), List.of());
        });
        return decision instanceof Decision.Applied ? Optional.of(event) : Optional.empty();
    }
}
