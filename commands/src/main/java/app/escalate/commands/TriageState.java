package app.escalate.commands;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a case's triage stands, kept with the case so a verdict counts once: held for a person,
 * applied automatically, or decided. It holds what was suggested and what the case was before,
 * so Accept and Undo need nothing else.
 */
public record TriageState(Status status, Optional<String> type, Severity severity, Optional<String> surface,
                          Optional<String> typeBefore, Severity severityBefore, Optional<String> surfaceBefore) {
    public enum Status { HELD, APPLIED, DECIDED }

    /** The suggestion for {@code before}, as held or applied. */
    public static TriageState of(Status status, Suggestion s, Case before) {
        String joined = String.join(", ", s.surfaces().value());
        // The case's surface column holds 150 characters.
        Optional<String> surface = joined.isEmpty() ? Optional.empty() : Optional.of(SlackText.clip(joined, CommandParser.MAX_SURFACE_LENGTH));
        return new TriageState(status, s.typeId(), s.severity().value(), surface, before.caseType(), before.severity(), before.surface());
    }

    public TriageState decided() {
        return new TriageState(Status.DECIDED, type, severity, surface, typeBefore, severityBefore, surfaceBefore);
    }

    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("status", status.name());
        type.ifPresent(t -> m.put("type", t));
        m.put("severity", severity.name());
        surface.ifPresent(t -> m.put("surface", t));
        typeBefore.ifPresent(t -> m.put("type_before", t));
        m.put("severity_before", severityBefore.name());
        surfaceBefore.ifPresent(t -> m.put("surface_before", t));
        return m;
    }

    public static TriageState fromMap(Map<String, String> m) {
        return new TriageState(Status.valueOf(m.get("status").toUpperCase(Locale.ROOT)), Optional.ofNullable(m.get("type")),
                Severity.valueOf(m.get("severity")), Optional.ofNullable(m.get("surface")), Optional.ofNullable(m.get("type_before")),
                Severity.valueOf(m.get("severity_before")), Optional.ofNullable(m.get("surface_before")));
    }
}
