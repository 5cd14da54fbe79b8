package app.escalate.config;

import java.util.List;

/**
 * A kind of case the team handles: the severity it starts at, whether its cases are restricted
 * (private channel, kept out of broad lists) by default, its runbook checklist, and optionally a
 * decision tree that {@code /esc runbook} walks in the case channel, and the words in a new case's
 * text that suggest this type when no model is configured; and whether its cases' text may be sent
 * to a model ({@code ai}: {@code allowed} or {@code off}; unset, a restricted case's text is not);
 * and the facts its cases carry ({@code fields}: see {@link CaseField}), and the deadlines others set
 * for them ({@code deadlines}: see {@link CaseDeadline}).
 */
public record CaseType(String id, String label, String defaultSeverity, Boolean restricted, List<String> runbook,
                       DecisionTree decisionTree, List<String> keywords, String ai, List<CaseField> fields,
                       List<CaseDeadline> deadlines) {
    public static final String AI_ALLOWED = "allowed";
    public static final String AI_OFF = "off";

    public CaseType {
        if (ai != null && !ai.equals(AI_ALLOWED) && !ai.equals(AI_OFF)) {
            throw new IllegalArgumentException("ai: allowed or off, got \"" + ai + "\"");
        }
        if (id == null || !id.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("id: lowercase letters, digits and hyphens, got \"" + id + "\"");
        }
        if (label == null || label.isBlank()) throw new IllegalArgumentException("label: missing");
        if (defaultSeverity == null) defaultSeverity = "SEV3";
        if (!Policy.SEVERITY_KEYS.contains(defaultSeverity)) {
            throw new IllegalArgumentException("default_severity: one of " + Policy.SEVERITY_KEYS + ", got \"" + defaultSeverity + "\"");
        }
        if (restricted == null) restricted = false;
        runbook = List.copyOf(runbook == null ? List.of() : runbook);
        keywords = keywords == null ? List.of() : Triage.keywords("keywords", keywords);
        fields = fields == null ? List.of() : List.copyOf(fields);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (CaseField f : fields) {
            if (!ids.add(f.id())) throw new IllegalArgumentException("fields: \"" + f.id() + "\" is used twice");
        }
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (CaseDeadline d : deadlines) {
            if (!names.add(d.name())) throw new IllegalArgumentException("deadlines: \"" + d.name() + "\" is used twice");
            java.util.Optional<String> from = d.fromField();
            if (from.isPresent() && fields.stream().noneMatch(f -> f.id().equals(from.get()) && f.kind() == CaseField.Kind.DATETIME)) {
                throw new IllegalArgumentException("deadlines: \"" + d.name() + "\" runs from \"" + from.get()
                        + "\", which is not a datetime field of this type (or `opened`)");
            }
        }
    }

    public CaseType(String id, String label, String defaultSeverity, Boolean restricted, List<String> runbook,
                    DecisionTree decisionTree, List<String> keywords, String ai, List<CaseField> fields) {
        this(id, label, defaultSeverity, restricted, runbook, decisionTree, keywords, ai, fields, List.of());
    }

    /** The deadline {@code name} every case of this type runs against. */
    public java.util.Optional<CaseDeadline> deadline(String name) {
        return deadlines.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The field {@code id} of this type. */
    public java.util.Optional<CaseField> field(String id) {
        return fields.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public java.util.Optional<DecisionTree> tree() {
        return java.util.Optional.ofNullable(decisionTree);
    }

    /**
     * Whether the text of a case of this type may go to a model: as the type says when it says, else
     * only when the case is not restricted.
     */
    public boolean mayUseModel(boolean restrictedCase) {
        return ai == null ? !restrictedCase : ai.equals(AI_ALLOWED);
    }

    /** 1 for SEV1 … 4 for SEV4. */
    public int defaultSeverityLevel() {
        return defaultSeverity.charAt(3) - '0';
    }
}
