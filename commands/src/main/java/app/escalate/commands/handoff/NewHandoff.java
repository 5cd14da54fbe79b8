package app.escalate.commands.handoff;

import app.escalate.commands.Handoff;
import app.escalate.commands.HandoffDigest;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A handoff to record: PENDING with the digests as posted (for the team, and for the incoming
 * person, who may see restricted cases the team channel may not), or MISSED with none.
 * {@code effects} gets the id the store gives it.
 */
public record NewHandoff(String rotation, Instant dueAt, Optional<UserId> outgoing, UserId incoming, boolean weekend,
                         boolean late, Handoff.Status status, Optional<HandoffDigest> teamDigest,
                         Optional<HandoffDigest> incomingDigest, LongFunction<List<SlackEffect>> effects) {
}
