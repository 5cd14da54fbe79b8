package app.escalate.commands.swap;

import app.escalate.commands.Level;
import app.escalate.commands.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code requester} asks for cover for {@code level} of {@code rotation} from {@code from} until
 * {@code until}: from anyone taking that level's turns, or from {@code askedOf} alone. {@code message}
 * is where the request was posted, once Slack said so.
 */
public record SwapRequest(long id, String rotation, Level level, UserId requester, Optional<UserId> askedOf, Instant from, Instant until,
                          State state, Optional<UserId> coverer, Optional<Long> overrideId, Instant createdAt, Instant remindAt,
                          Optional<Instant> remindedAt, Optional<Instant> closedAt, Optional<PostedAt> message) {

    public enum State { OPEN, COVERED, EXPIRED, CANCELLED }

    /** The channel (or direct-message channel) id and timestamp of the posted request. */
    public record PostedAt(String channel, String ts) {
    }

    public SwapRequest covered(UserId by, Instant at) {
        return new SwapRequest(id, rotation, level, requester, askedOf, from, until, State.COVERED, Optional.of(by), overrideId, createdAt,
                remindAt, remindedAt, Optional.of(at), message);
    }

    public SwapRequest expired(Instant at) {
        return new SwapRequest(id, rotation, level, requester, askedOf, from, until, State.EXPIRED, coverer, overrideId, createdAt,
                remindAt, remindedAt, Optional.of(at), message);
    }

    public SwapRequest cancelled(Instant at) {
        return new SwapRequest(id, rotation, level, requester, askedOf, from, until, State.CANCELLED, coverer, overrideId, createdAt,
                remindAt, remindedAt, Optional.of(at), message);
    }

    public SwapRequest reminded(Instant at) {
        return new SwapRequest(id, rotation, level, requester, askedOf, from, until, state, coverer, overrideId, createdAt,
                remindAt, Optional.of(at), closedAt, message);
    }
}
