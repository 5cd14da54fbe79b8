package app.escalate.commands;

import java.util.List;
import java.util.Optional;

/**
 * What triage proposes for a new case: its type (none when nothing fits), severity, the surfaces it
 * affects and a one-line rationale, each with a confidence.
 */
public record Suggestion(Optional<Guess<String>> type, Guess<Severity> severity, Guess<List<String>> surfaces,
                         Guess<String> rationale) {
    public Suggestion {
        surfaces = new Guess<>(List.copyOf(surfaces.value()), surfaces.confidence());
    }

    /** The confidence routing rules read: that of the least sure of type and severity (no type counts as 0). */
    public double confidence() {
        return Math.min(type.map(Guess::confidence).orElse(0.0), severity.confidence());
    }

    public Optional<String> typeId() {
        return type.map(Guess::value);
    }
}
