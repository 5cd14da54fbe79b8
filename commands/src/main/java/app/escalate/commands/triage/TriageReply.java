package app.escalate.commands.triage;

import app.escalate.commands.Guess;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackText;
import app.escalate.commands.Suggestion;
import app.escalate.commands.fields.FieldValue;
import app.escalate.config.CaseField;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a model's triage answer: one JSON object (a code fence around it is tolerated). Only what
 * the policy knows is kept: a type that is not one of its case types counts as none, surfaces not
 * under {@code triage.surfaces} are dropped, and confidences are held between 0 and 1. An answer
 * without a readable severity is no answer. A proposed field value is kept only when it is a field
 * the model was asked for (of the chosen type, else of the suggested one; never a restricted one),
 * its field can hold it, and its confidence is a number from 0 to 1; anything else is dropped alone.
 */
public final class TriageReply {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RATIONALE = 200;

    private TriageReply() {
    }

    public static Optional<Suggestion> parse(String answer, Policy policy) {
        return parse(answer, policy, Optional.empty());
    }

    /** {@code chosenType}: the type the reporter chose, whose fields the model was asked for. */
    public static Optional<Suggestion> parse(String answer, Policy policy, Optional<String> chosenType) {
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
        Optional<CaseType> fieldsOf = chosenType.or(() -> type.map(Guess::value)).flatMap(policy::caseType);
        Map<String, Guess<String>> fields = fieldsOf.map(t -> fields(root.path("fields"), t)).orElse(Map.of());
        return Optional.of(new Suggestion(type, new Guess<>(severity.get(), confidence(root.path("severity"))),
                new Guess<>(surfaces, surfaces.isEmpty() ? 0 : confidence(root.path("surfaces"))),
                new Guess<>(rationale, confidence(root.path("rationale"))), fields));
    }

    /** The proposals that hold, as their fields keep them, in the type's order of fields. */
    private static Map<String, Guess<String>> fields(JsonNode proposed, CaseType type) {
        Map<String, Guess<String>> out = new LinkedHashMap<>();
        if (!proposed.isObject()) return out;
        for (CaseField field : TriagePrompt.askable(type)) {
            JsonNode p = proposed.path(field.id());
            JsonNode c = p.path("confidence");
            if (!c.isNumber() || !(c.asDouble() >= 0 && c.asDouble() <= 1)) continue;
            Optional<String> typed = typed(p.path("value"));
            if (typed.isEmpty()) continue;
            if (FieldValue.read(field, typed.get()) instanceof FieldValue.Value v) out.put(field.id(), new Guess<>(v.value(), c.asDouble()));
        }
        return out;
    }

    /** A value as someone would type it: text, a number, or a list of texts (for choices) joined by commas. */
    private static Optional<String> typed(JsonNode value) {
        if (value.isTextual() || value.isNumber()) return Optional.of(value.asText().strip()).filter(v -> !v.isEmpty());
        if (!value.isArray() || value.isEmpty()) return Optional.empty();
        List<String> parts = new ArrayList<>();
        for (JsonNode part : value) {
            if (!part.isTextual()) return Optional.empty();
            parts.add(part.asText().strip());
        }
        return Optional.of(String.join(", ", parts));
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText().strip() : "";
    }

    private static double confidence(JsonNode field) {
        JsonNode c = field.path("confidence");
        return c.isNumber() ? c.asDouble() : 0;
    }
}
