package app.escalate.commands.swap;

import app.escalate.commands.ShiftOverride;
import app.escalate.commands.SlackEffect;

import java.util.List;
import java.util.Optional;

/** What a press of Cover, or a sweep, decided about one swap request. */
public sealed interface SwapDecision {

    /**
     * The request becomes {@code after}; {@code override} (its id still 0) is recorded with it, and
     * {@code effects} are queued in the same transaction.
     */
    record Applied(SwapRequest after, Optional<ShiftOverride> override, List<SlackEffect> effects) implements SwapDecision {
        public Applied {
            effects = List.copyOf(effects);
        }
    }

    /** Nothing changes; {@code reason} is for whoever pressed. */
    record Rejected(String reason) implements SwapDecision {
    }
}
