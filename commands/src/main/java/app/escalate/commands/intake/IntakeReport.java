package app.escalate.commands.intake;

import app.escalate.commands.EscCommand;

import java.util.Optional;

/** A machine's report, checked: the case it would open, the key that makes it the same report again, and a link to its evidence. */
public record IntakeReport(String source, String dedupKey, Optional<String> link, EscCommand.Open open) {
}
