package app.escalate.commands;

import java.util.Optional;

/** A parsed {@code /esc} sub-command. */
public sealed interface EscCommand {

    record Open(String title, Optional<Severity> severity, Optional<String> caseType) implements EscCommand {
    }

    /** {@code status} here (a case channel's card, or the open cases) or for a named case. */
    record Status(Optional<CaseId> caseId) implements EscCommand {
    }

    record Help() implements EscCommand {
    }

    /** Text we could not read; {@code problem} says why, in a sentence. */
    record Invalid(String problem) implements EscCommand {
    }
}
