package app.escalate.commands;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What triage proposes for a new case: its type (none when nothing fits), severity, the surfaces it
 * affects and a one-line rationale, each with a confidence; and values for its type's fields found
 * in the case's text (by field id, as {@code fields.FieldValue} keeps them), each with its own.
 */
public record Suggestion(Optional<Guess<String>> type, Guess<Severity> severity, Guess<List<String>> surfaces,
                         Guess<String> rationale, Map<String, Guess<String>> fields) {
    public Suggestion {
        surfaces = new Guess<>(List.copyOf(surfaces.value()), surfaces.confidence());
        // In the order they were proposed, which is the order they are shown in.
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A suggestion with no field values (the keywords never propose any). */
    public Suggestion(Optional<Guess<String>> type, Guess<Severity> severity, Guess<List<String>> surfaces, Guess<String> rationale) {
        this(type, severity, surfaces, rationale, Map.of());
    }

    /** The confidence routing rules read: that of the least sure of type and severity (no type counts as 0). */
    public double confidence() {
        return Math.min(type.map(Guess::confidence).orElse(0.0), severity.confidence());
    }

    public Optional<String> typeId() {
        return type.map(Guess::value);
    }
}
