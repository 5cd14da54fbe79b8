package app.escalate.commands;

import java.util.Optional;

/**
 * One time a person overrode the AI on a case, which they may tag with why: the {@code subject} a
 * tag names ({@code draft:<id>}, {@code triage} or {@code runbook:<question id>}), the AI {@code surface} (summary, rca,
 * triage, runbook),
 * what the person did in words, the {@code version} that answered (prompt version, or triage's
 * source and prompt), the routing {@code rule} that applied a triage suggestion, and the failure
 * mode it is tagged with so far; {@code at}, when the person overrode it.
 */
public record AiOverride(String subject, String surface, String what, String version, Optional<String> rule, Optional<String> tag,
                         java.time.Instant at) {
    public static final String TRIAGE = "triage";
    public static final String RUNBOOK = "runbook";
    private static final String DRAFT = "draft:";

    /** The subject of a decision tree marked wrong at its question {@code questionId}. */
    public static String runbook(String questionId) {
        return RUNBOOK + ":" + questionId;
    }

    public static String draft(long id) {
        return DRAFT + id;
    }

    /** The draft a subject names, when it names one. */
    public static Optional<Long> draftId(String subject) {
        if (subject == null || !subject.matches("draft:[1-9]\\d{0,17}")) return Optional.empty();
        return Optional.of(Long.parseLong(subject.substring(DRAFT.length())));
    }

    public AiOverride tagged(Optional<String> mode) {
        return new AiOverride(subject, surface, what, version, rule, mode, at);
    }
}
