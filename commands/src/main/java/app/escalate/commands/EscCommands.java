package app.escalate.commands;

import app.escalate.config.Policy;

import java.time.Clock;
import java.util.Optional;

/** The one place that routes a parsed {@code /esc} command to its handler. */
public final class EscCommands {
    private final OpenCase openCase;
    private final ShowStatus showStatus;

    public EscCommands(CaseStore cases, Policy policy, Clock clock) {
        this.openCase = new OpenCase(cases, policy, clock);
        this.showStatus = new ShowStatus(cases);
    }

    public Reply handle(String text, Invocation by) {
        EscCommand command = CommandParser.parse(text);
        if (command instanceof EscCommand.Open open) return openCase.handle(open, by);
        if (command instanceof EscCommand.Status status) return showStatus.handle(status, by);
        if (command instanceof EscCommand.Invalid invalid) return new Reply.Usage(Optional.of(invalid.problem()));
        return new Reply.Usage(Optional.empty());
    }
}
