package app.escalate.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How a rotation hands over at each shift boundary: where the digest goes (default the team
 * channel), how long the incoming person has to accept it before a reminder, and before the
 * secondary and managers are told.
 */
public record HandoffPolicy(String channel, Duration remindAfter, Duration escalateAfter) {
    public static final Duration DEFAULT_REMIND_AFTER = Duration.ofMinutes(15);
    public static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofMinutes(45);
    public static final HandoffPolicy DEFAULT = new HandoffPolicy(null, null, null);

    public HandoffPolicy {
        if (channel != null) channel = Workspace.channel("channel", channel);
        if (remindAfter == null) remindAfter = DEFAULT_REMIND_AFTER;
        if (escalateAfter == null) escalateAfter = DEFAULT_ESCALATE_AFTER;
        if (escalateAfter.compareTo(remindAfter) <= 0) {
            throw new IllegalArgumentException("escalate_after: must be longer than remind_after (" + remindAfter.toMinutes() + "m)");
        }
    }

    /** The channel named here, if any; otherwise the digest goes to the workspace's team channel. */
    public Optional<String> ownChannel() {
        return Optional.ofNullable(channel);
    }
}
