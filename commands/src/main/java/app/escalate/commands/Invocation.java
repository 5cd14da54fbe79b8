package app.escalate.commands;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Who ran a command, where, the URL that reaches them later (for slash commands), and their time
 * zone, which times they type are read in.
 */
public record Invocation(UserId user, ChannelId channel, Optional<String> responseUrl, ZoneId zone) {

    public Invocation(UserId user, ChannelId channel, Optional<String> responseUrl) {
        this(user, channel, responseUrl, ZoneOffset.UTC);
    }
}
