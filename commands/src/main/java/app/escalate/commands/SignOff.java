package app.escalate.commands;


import java.time.Instant;
import java.util.Optional;

/** One group's answer to a decision: a member approved it, or objected with a reason. */
public record SignOff(String group, UserId by, Verdict verdict, Optional<String> reason, Instant at) {
    public enum Verdict { APPROVED, OBJECTED }

    public SignOff {
        if (reason == null) reason = Optional.empty();
        if (verdict == Verdict.OBJECTED && reason.isEmpty()) throw new IllegalArgumentException("an objection says why");
    }
}
