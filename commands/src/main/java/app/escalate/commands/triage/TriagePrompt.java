package app.escalate.commands.triage;

import app.escalate.commands.summary.Prompts;
import app.escalate.config.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The triage prompt: versioned instructions ({@code /prompts/triage.v<n>.md}) listing the policy's
 * case types, severities and surfaces, and the reporter's text as delimited data.
 */
public final class TriagePrompt {
    /** The version triage asks with now; a changed prompt is a new file and a new version. */
    public static final String VERSION = "triage.v1";

    /** What the model is asked: instructions and the case as data. */
    public record Asked(String version, String system, String user) {
    }

    private TriagePrompt() {
    }

    public static Asked of(Policy policy, String title, Optional<String> description, Optional<String> surface) {
        String system = Prompts.load("/prompts/" + VERSION + ".md")
                .replace("{{case_types}}", policy.caseTypes().stream().map(t -> "- " + t.id() + ": " + t.label())
                        .collect(Collectors.joining("\n")))
                .replace("{{severities}}", Policy.SEVERITY_KEYS.stream().map(k -> "- " + k + ": " + policy.severities().get(k).label())
                        .collect(Collectors.joining("\n")))
                .replace("{{surfaces}}", policy.triage().surfaces().isEmpty() ? "(none defined)"
                        : policy.triage().surfaces().keySet().stream().map(s -> "- " + s).collect(Collectors.joining("\n")));
        List<String> lines = new ArrayList<>();
        lines.add("<case_data>");
        lines.add("Title: " + Prompts.defuse(title));
        description.ifPresent(d -> lines.add("Description: " + Prompts.defuse(d)));
        surface.ifPresent(s -> lines.add("Surface named by the reporter: " + Prompts.defuse(s)));
        lines.add("</case_data>");
        return new Asked(VERSION, system, String.join("\n", lines));
    }
}
