package app.escalate.commands;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An escalation: what is wrong, how bad, where it stands, and where its channel is. */
public record Case(CaseId id, String title, Severity severity, CaseState state, Optional<String> caseType,
                   UserId reporter, Optional<UserId> owner, Instant openedAt, Optional<CaseChannel> channel) {

    public Case {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(state);
        Objects.requireNonNull(caseType);
        Objects.requireNonNull(reporter);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(openedAt);
        Objects.requireNonNull(channel);
    }

    public boolean isOpen() {
        return state.isOpen();
    }
}
