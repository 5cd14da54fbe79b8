package app.escalate.config;

import java.util.List;

/**
 * A kind of case the team handles: the severity it starts at, whether its cases are restricted
 * (private channel, kept out of broad lists) by default, its runbook checklist, and optionally a
 * decision tree that {@code /esc runbook} walks in the case channel, and the words in a new case's
 * text that suggest this type when no model is configured.
 */
public record CaseType(String id, String label, String defaultSeverity, Boolean restricted, List<String> runbook,
                       DecisionTree decisionTree, List<String> keywords) {
    public CaseType {
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
    }

    public java.util.Optional<DecisionTree> tree() {
        return java.util.Optional.ofNullable(decisionTree);
    }

    /** 1 for SEV1 … 4 for SEV4. */
    public int defaultSeverityLevel() {
        return defaultSeverity.charAt(3) - '0';
    }
}
