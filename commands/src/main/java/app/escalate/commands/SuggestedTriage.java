package app.escalate.commands;

import java.util.Optional;

/** A suggestion and where it came from: the model's name and prompt version, or the keywords' source for both. */
public record SuggestedTriage(Suggestion suggestion, String source, String promptVersion, Optional<String> fellBack) {
}
