package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CommandParser;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;

import java.time.Instant;
import java.util.List;

/** {@code /esc note <text>}: anyone on the case may add to the timeline. The card does not change. */
final class AddNote implements CaseChange<CaseAction.AddNote> {
    @Override
    public Decision decide(CaseFile file, CaseAction.AddNote action, UserId actor, Instant now) {
        // Typed notes are measured by the parser; a form's field is only as long as its sender says.
        if (action.text().isBlank()) return Decisions.rejected("Write the note first.");
        if (SlackText.length(action.text()) > CommandParser.MAX_NOTE_LENGTH) {
            return Decisions.rejected("A note is at most " + CommandParser.MAX_NOTE_LENGTH + " characters; this one has "
                    + SlackText.length(action.text()) + ".");
        }
        CaseEvent event = new CaseEvent(file.id(), now, actor, new EventData.NoteAdded(action.text()));
        return new Decision.Applied(file, List.of(event), List.of(new SlackEffect.Announce(file.id(), event)));
    }
}
