package app.escalate.commands;

import java.util.Optional;

/** Who ran a command, where, and (for slash commands) the URL that reaches them later. */
public record Invocation(UserId user, ChannelId channel, Optional<String> responseUrl) {
}
