package app.escalate.commands;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** What is known of a case before the store gives it a number; the description goes on its timeline. */
public record NewCase(String title, Severity severity, Optional<String> caseType, Optional<String> surface,
                      Optional<String> description, UserId reporter, Instant openedAt, boolean restricted) {

    /** Times are kept to the millisecond, which every database here stores exactly. */
    public NewCase {
        openedAt = openedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public Case numbered(CaseId id) {
        return new Case(id, title, severity, CaseState.TRIAGE, caseType, surface, reporter, Optional.empty(), openedAt,
                Optional.empty(), Optional.empty(), Optional.empty(), restricted);
    }
}
