package app.escalate.commands;

import java.util.Optional;

/** A parsed {@code /esc} sub-command. */
public sealed interface EscCommand {

    record Open(String title, Optional<Severity> severity, Optional<String> caseType) implements EscCommand {
    }

    /** {@code status} here (a case channel's card, or the open cases) or for a named case. */
    record Status(Optional<CaseId> caseId) implements EscCommand {
    }

    /** An action on the case {@code target} names, or on this channel's case when it names none. */
    record OnCase(Optional<CaseId> target, CaseAction action) implements EscCommand {
    }

    record Help() implements EscCommand {
    }

    /** Text we could not read; {@code problem} says why, in a sentence. */
    record Invalid(String problem) implements EscCommand {
    }
}
