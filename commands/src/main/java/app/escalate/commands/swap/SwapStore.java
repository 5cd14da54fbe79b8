package app.escalate.commands.swap;

import app.escalate.commands.SlackEffect;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Where swap requests are kept, with the overrides they become and the messages they imply. */
public interface SwapStore {

    /**
     * Records {@code draft} (its id ignored) with the effects {@code effects} gives for its id, in one
     * transaction. The same request still open (same person, rotation, level and span: typed twice,
     * or its job run again) is returned instead, and nothing is written.
     */
    SwapRequest open(SwapRequest draft, Function<Long, List<SlackEffect>> effects);

    Optional<SwapRequest> find(long id);

    /**
     * Runs {@code decide} on the request with its row locked, and stores what it applies (the new
     * state, the override, the effects) in the same transaction; a request that was no longer in the
     * state {@code decide} saw is refused, not overwritten. Empty when there is no such request.
     */
    Optional<SwapDecision> change(long id, Function<SwapRequest, SwapDecision> decide);

    /** Open requests with something due at {@code now}: their reminder not yet sent and due, or their span begun. */
    List<SwapRequest> due(Instant now);
}
