package app.escalate.commands.triage;

import app.escalate.commands.summary.Prompts;
import app.escalate.config.CaseField;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The triage prompt: versioned instructions ({@code /prompts/triage.v<n>.md}) listing the policy's
 * case types, severities, surfaces and the types' fields, and the reporter's text as delimited
 * data. A restricted field is never listed, and no field's value is ever sent: the model proposes
 * values from the reporter's text alone.
 */
public final class TriagePrompt {
    /** The version triage asks with now; a changed prompt is a new file and a new version. */
    public static final String VERSION = "triage.v2";

    /** What the model is asked: instructions and the case as data. */
    public record Asked(String version, String system, String user) {
    }

    private TriagePrompt() {
    }

    /** {@code caseType}: the type the reporter chose, whose fields alone are asked for; empty: every type's, for the type suggested. */
    public static Asked of(Policy policy, String title, Optional<String> description, Optional<String> surface, Optional<String> caseType) {
        return of(VERSION, policy, title, description, surface, caseType);
    }

    /** Whether {@code version} is a triage prompt the bot ships. */
    public static boolean ships(String version) {
        return TriagePrompt.class.getResource("/prompts/" + version + ".md") != null;
    }

    /** The same with the prompt {@code version} (one the bot ships), as a shadow prompt on trial is asked. */
    public static Asked of(String version, Policy policy, String title, Optional<String> description, Optional<String> surface,
                           Optional<String> caseType) {
        Optional<CaseType> chosen = caseType.flatMap(policy::caseType);
        List<CaseType> asked = chosen.map(List::of).orElse(policy.caseTypes());
        String system = Prompts.load("/prompts/" + version + ".md")
                .replace("{{case_types}}", policy.caseTypes().stream().map(t -> "- " + t.id() + ": " + t.label())
                        .collect(Collectors.joining("\n")))
                .replace("{{severities}}", Policy.SEVERITY_KEYS.stream().map(k -> "- " + k + ": " + policy.severities().get(k).label())
                        .collect(Collectors.joining("\n")))
                .replace("{{surfaces}}", policy.triage().surfaces().isEmpty() ? "(none defined)"
                        : policy.triage().surfaces().keySet().stream().map(s -> "- " + s).collect(Collectors.joining("\n")))
                .replace("{{fields_scope}}", chosen.map(t -> "The reporter chose the type " + t.id() + ": propose values for its fields only.")
                        .orElse("Propose values only for the fields of the type you suggest."))
                .replace("{{fields}}", asked.stream().map(TriagePrompt::fields).filter(s -> !s.isEmpty()).collect(Collectors.joining("\n")));
        List<String> lines = new ArrayList<>();
        lines.add("<case_data>");
        lines.add("Title: " + Prompts.defuse(title));
        description.ifPresent(d -> lines.add("Description: " + Prompts.defuse(d)));
        surface.ifPresent(s -> lines.add("Surface named by the reporter: " + Prompts.defuse(s)));
        lines.add("</case_data>");
        return new Asked(version, system, String.join("\n", lines));
    }

    /** {@code deepfake:} then a line per field the model may fill: id, label, type and options. */
    private static String fields(CaseType type) {
        List<String> lines = askable(type).stream().map(f -> "  - " + f.id() + ": " + f.label() + " (" + f.kind().key()
                + (f.options().isEmpty() ? "" : ": " + String.join(" | ", f.options())) + ")").toList();
        return lines.isEmpty() ? "" : type.id() + ":\n" + String.join("\n", lines);
    }

    /** The fields a model is asked for: all but the restricted, whose values never go to a model. */
    static List<CaseField> askable(CaseType type) {
        return type.fields().stream().filter(f -> !f.restricted()).toList();
    }
}
