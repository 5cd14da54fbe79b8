package app.escalate.commands.triage;

import app.escalate.commands.Guess;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackText;
import app.escalate.commands.Suggestion;
import app.escalate.config.Policy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a model's triage answer: one JSON object (a code fence around it is tolerated). Only what
 * the policy knows is kept: a type that is not one of its case types counts as none, surfaces not
 * under {@code triage.surfaces} are dropped, and confidences are held between 0 and 1. An answer
 * without a readable severity is no answer.
 */
public final class TriageReply {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RATIONALE = 200;

    private TriageReply() {
    }

    public static Optional<Suggestion> parse(String answer, Policy policy) {
        if (answer == null) return Optional.empty();
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end < start) return Optional.empty();
        JsonNode root;
        try {
            root = JSON.readTree(answer.substring(start, end + 1));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        Optional<Severity> severity = Severity.parse(text(root.path("severity").path("value")));
        if (severity.isEmpty()) return Optional.empty();

        String typeId = text(root.path("type").path("value"));
        Optional<Guess<String>> type = policy.caseType(typeId).map(t -> new Guess<>(t.id(), confidence(root.path("type"))));

        List<String> surfaces = new ArrayList<>();
        for (JsonNode s : root.path("surfaces").path("value")) {
            String id = text(s).toLowerCase(Locale.ROOT);
            if (policy.triage().surfaces().containsKey(id) && !surfaces.contains(id)) surfaces.add(id);
        }
        String rationale = text(root.path("rationale").path("value")).replaceAll("\\s+", " ").strip();
        rationale = SlackText.clip(rationale, MAX_RATIONALE);
        return Optional.of(new Suggestion(type, new Guess<>(severity.get(), confidence(root.path("severity"))),
                new Guess<>(surfaces, surfaces.isEmpty() ? 0 : confidence(root.path("surfaces"))),
                new Guess<>(rationale, confidence(root.path("rationale")))));
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText().strip() : "";
    }

    private static double confidence(JsonNode field) {
        JsonNode c = field.path("confidence");
        return c.isNumber() ? c.asDouble() : 0;
    }
}
