package app.escalate.commands;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An escalation: what is wrong, how bad, where it stands, who owns it, and where its channel is.
 * Changes return a new record; the timeline records why.
 */
public record Case(CaseId id, String title, Severity severity, CaseState state, Optional<String> caseType,
                   Optional<String> surface, UserId reporter, Optional<UserId> owner, Instant openedAt, Optional<CaseChannel> channel,
                   Optional<Acknowledgement> acknowledged, Optional<Resolution> resolution, boolean restricted) {

    public Case {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(state);
        Objects.requireNonNull(caseType);
        Objects.requireNonNull(surface);
        Objects.requireNonNull(reporter);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(openedAt);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(acknowledged);
        Objects.requireNonNull(resolution);
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    /** The type, severity and surface triage settled on. */
    public Case withTriage(Optional<String> nextType, Severity nextSeverity, Optional<String> nextSurface) {
        return new Case(id, title, nextSeverity, state, nextType, nextSurface, reporter, owner, openedAt, channel, acknowledged, resolution, restricted);
    }

    public Case withSeverity(Severity next) {
        return new Case(id, title, next, state, caseType, surface, reporter, owner, openedAt, channel, acknowledged, resolution, restricted);
    }

    public Case withState(CaseState next) {
        return new Case(id, title, severity, next, caseType, surface, reporter, owner, openedAt, channel, acknowledged, resolution, restricted);
    }

    public Case withOwner(UserId next) {
        return new Case(id, title, severity, state, caseType, surface, reporter, Optional.of(next), openedAt, channel, acknowledged,
                resolution, restricted);
    }

    public Case acknowledgedBy(UserId by, Instant at) {
        return new Case(id, title, severity, state, caseType, surface, reporter, owner, openedAt, channel,
                Optional.of(new Acknowledgement(by, at)), resolution, restricted);
    }

    public Case resolvedWith(Resolution how) {
        return new Case(id, title, severity, CaseState.RESOLVED, caseType, surface, reporter, owner, openedAt, channel, acknowledged,
                Optional.of(how), restricted);
    }

    /** Back to investigating; the old resolution stays on the timeline. */
    public Case reopened() {
        return new Case(id, title, severity, CaseState.INVESTIGATING, caseType, surface, reporter, owner, openedAt, channel,
                acknowledged, Optional.empty(), restricted);
    }
}
