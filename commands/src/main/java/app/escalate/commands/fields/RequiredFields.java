package app.escalate.commands.fields;

import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseState;
import app.escalate.config.CaseField;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which of a case's fields must be filled before it may be where it is going: those needed from
 * the start ({@code required_by: open}) before any move, those needed by {@code mitigated} before
 * mitigated or monitoring, and every required one before it is resolved.
 */
public final class RequiredFields {
    private RequiredFields() {
    }

    /** What a case in {@code state} must have filled. */
    public static CaseField.Stage stageOf(CaseState state) {
        return switch (state) {
            case TRIAGE, INVESTIGATING -> CaseField.Stage.OPEN;
            case MITIGATED, MONITORING -> CaseField.Stage.MITIGATED;
            case RESOLVED -> CaseField.Stage.RESOLVE;
        };
    }

    /** The case type's fields required by {@code stage} or earlier that the case has not filled, in the policy's order. */
    public static List<CaseField> missing(Policy policy, CaseFile file, CaseField.Stage stage) {
        return type(policy, file).map(t -> t.fields().stream()
                .filter(f -> f.required().map(s -> s.compareTo(stage) <= 0).orElse(false))
                .filter(f -> file.field(f.id()).isEmpty()).toList()).orElse(List.of());
    }

    /** Fields still empty that the case needs {@code by} a stage. */
    public record Needed(CaseField.Stage by, List<CaseField> fields) {
    }

    /**
     * What the case needs filled next: those its present state should have had (a case opened
     * without the form), else those the next stage asks for; nothing once resolved or complete.
     */
    public static Optional<Needed> neededNext(Policy policy, CaseFile file) {
        if (!file.details().isOpen()) return Optional.empty();
        CaseField.Stage now = stageOf(file.details().state());
        List<CaseField> missingNow = missing(policy, file, now);
        if (!missingNow.isEmpty()) return Optional.of(new Needed(now, missingNow));
        if (now == CaseField.Stage.RESOLVE) return Optional.empty();
        CaseField.Stage next = CaseField.Stage.values()[now.ordinal() + 1];
        List<CaseField> missingNext = missing(policy, file, next);
        return missingNext.isEmpty() ? Optional.empty() : Optional.of(new Needed(next, missingNext));
    }

    /** Why the case may not go to {@code to} ({@code goingTo} names it: "move to mitigated", "be resolved"), if a field it needs is empty. */
    public static Optional<String> refusal(Policy policy, CaseFile file, CaseState to, String goingTo) {
        List<CaseField> missing = missing(policy, file, stageOf(to));
        if (missing.isEmpty()) return Optional.empty();
        String names = missing.stream().map(f -> "`" + f.id() + "` (" + f.label() + ")").collect(Collectors.joining(", "));
        return Optional.of(file.id() + " cannot " + goingTo + " until " + (missing.size() == 1 ? "this is" : "these are") + " set: " + names
                + ". `/esc set " + missing.get(0).id() + " <value>`.");
    }

    static Optional<CaseType> type(Policy policy, CaseFile file) {
        return file.details().caseType().flatMap(policy::caseType);
    }
}
