package app.escalate.commands;

import java.util.Optional;

/** A channel message someone marked with :pushpin:, as Slack returned it (text already plain). */
public record PinnedMessage(String ts, Optional<UserId> author, String text, Optional<String> permalink) {
}
