package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseStore;
import app.escalate.commands.ChannelId;
import app.escalate.commands.CommandParser;
import app.escalate.commands.Decision;
import app.escalate.commands.PinnedMessage;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, String> data = new LinkedHashMap<>();
        data.put("ts", message.ts());
        message.author().ifPresent(a -> data.put("author", a.value()));
        String text = message.text().strip();
        data.put("text", SlackText.clip(text, CommandParser.MAX_NOTE_LENGTH));
        message.permalink().ifPresent(p -> data.put("permalink", p));
        CaseEvent event = CaseEvent.of(c.id(), clock.instant().truncatedTo(ChronoUnit.MILLIS), pinnedBy, CaseEvent.Kind.MESSAGE_PINNED, data);
        Decision decision = cases.change(c.id(), file -> {
            boolean known = cases.timeline(c.id()).stream()
                    .anyMatch(e -> e.kind() == CaseEvent.Kind.MESSAGE_PINNED && e.get("ts").equals(message.ts()));
            return known ? new Decision.Rejected("already on the timeline") : new Decision.Applied(file, List.of(event), List.of());
        });
        return decision instanceof Decision.Applied ? Optional.of(event) : Optional.empty();
    }
}
