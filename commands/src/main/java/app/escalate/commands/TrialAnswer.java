package app.escalate.commands;

import java.util.Optional;

/**
 * What a triage prompt on trial answered for a case, as far as it is compared with the live one:
 * where it came from (model and prompt version), its type and severity and how sure it was of each.
 */
public record TrialAnswer(String source, String promptVersion, Optional<Guess<String>> type, Guess<Severity> severity) {
    public static TrialAnswer of(SuggestedTriage s) {
        return new TrialAnswer(s.source(), s.promptVersion(), s.suggestion().type(), s.suggestion().severity());
    }

    public Optional<String> typeId() {
        return type.map(Guess::value);
    }
}
