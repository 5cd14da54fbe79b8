package app.escalate.commands;

/** What a handler decided about a change to two cases at once (a merge, a link): refused, or applied to both. */
public sealed interface JointDecision {

    record Rejected(String reason) implements JointDecision {
    }

    /** The change to {@code first} and to {@code second}, stored together or not at all. */
    record Applied(Decision.Applied first, Decision.Applied second) implements JointDecision {
    }
}
