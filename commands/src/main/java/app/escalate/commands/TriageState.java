package app.escalate.commands;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a case's triage stands, kept with the case so a verdict counts once: held for a person,
 * applied automatically, or decided. It holds what was suggested and what the case was before,
 * so Accept and Undo need nothing else; and each proposed field value with what became of it.
 */
public record TriageState(Status status, Optional<String> type, Severity severity, Optional<String> surface,
                          Optional<String> typeBefore, Severity severityBefore, Optional<String> surfaceBefore,
                          Map<String, Proposed> fields) {
    public enum Status { HELD, APPLIED, DECIDED }

    /** What became of a proposed field value. */
    public enum Outcome {
        /** Set at once, as the rules allow. */
        APPLIED,
        /** Waiting for a person. */
        HELD,
        /** Set by a person's Accept. */
        ACCEPTED,
        /** Left out by a person, or by a verdict that chose otherwise. */
        REJECTED,
        /** Not set: someone had given the field a value, which triage never overwrites. */
        KEPT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A proposed value of one field, as the field keeps it. */
    public record Proposed(String value, Outcome outcome) {
        public Proposed as(Outcome next) {
            return new Proposed(value, next);
        }
    }

    public TriageState {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public TriageState(Status status, Optional<String> type, Severity severity, Optional<String> surface,
                       Optional<String> typeBefore, Severity severityBefore, Optional<String> surfaceBefore) {
        this(status, type, severity, surface, typeBefore, severityBefore, surfaceBefore, Map.of());
    }

    /** The suggestion for {@code before}, as held or applied. */
    public static TriageState of(Status status, Suggestion s, Case before) {
        String joined = String.join(", ", s.surfaces().value());
        // The case's surface column holds 150 characters.
        Optional<String> surface = joined.isEmpty() ? Optional.empty() : Optional.of(SlackText.clip(joined, CommandParser.MAX_SURFACE_LENGTH));
        return new TriageState(status, s.typeId(), s.severity().value(), surface, before.caseType(), before.severity(), before.surface());
    }

    public TriageState decided() {
        return new TriageState(Status.DECIDED, type, severity, surface, typeBefore, severityBefore, surfaceBefore, fields);
    }

    public TriageState withFields(Map<String, Proposed> next) {
        return new TriageState(status, type, severity, surface, typeBefore, severityBefore, surfaceBefore, next);
    }

    /** True while some proposed value waits for a person. */
    public boolean holdsFields() {
        return fields.values().stream().anyMatch(p -> p.outcome() == Outcome.HELD);
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
        // Field ids are lowercase letters, digits and underscores, so neither prefix can be mistaken for the other.
        fields.forEach((id, p) -> {
            m.put("field." + id, p.value());
            m.put("field_outcome." + id, p.outcome().id());
        });
        return m;
    }

    public static TriageState fromMap(Map<String, String> m) {
        Map<String, Proposed> fields = new LinkedHashMap<>();
        m.forEach((key, value) -> {
            if (key.startsWith("field.")) {
                String id = key.substring("field.".length());
                fields.put(id, new Proposed(value, Outcome.valueOf(m.getOrDefault("field_outcome." + id, "held").toUpperCase(Locale.ROOT))));
            }
        });
        return new TriageState(Status.valueOf(m.get("status").toUpperCase(Locale.ROOT)), Optional.ofNullable(m.get("type")),
                Severity.valueOf(m.get("severity")), Optional.ofNullable(m.get("surface")), Optional.ofNullable(m.get("type_before")),
                Severity.valueOf(m.get("severity_before")), Optional.ofNullable(m.get("surface_before")), fields);
    }
}
