package app.escalate.commands.intake;

import app.escalate.commands.CommandParser;
import app.escalate.commands.EscCommand;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackText;
import app.escalate.commands.fields.FieldValue;
import app.escalate.config.CaseField;
import app.escalate.config.CaseType;
import app.escalate.config.IntakeSource;
import app.escalate.config.Policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the JSON body of {@code POST /api/cases} (already parsed into maps, lists, strings,
 * numbers and booleans) for a source whose signature held. Every fault names the field it is in,
 * so the sending machine's owner can fix it without reading our logs.
 */
public final class IntakeBody {
    static final Set<String> KEYS = Set.of("title", "description", "severity", "type", "surface", "fields", "source", "dedup_key", "link");
    public static final int MAX_DEDUP_KEY = 200;
    static final int MAX_LINK = FieldValue.MAX_URL;

    private IntakeBody() {
    }

    /** What the body asks for, or why it is refused. */
    public sealed interface Checked {
    }

    public record Accepted(IntakeReport report) implements Checked {
    }

    /** The body is malformed at {@code field}: 400. */
    public record BadField(String field, String reason) implements Checked {
    }

    /** The source may not open a case of this type: 403. */
    public record NotAllowed(String reason) implements Checked {
    }

    public static Checked check(Map<String, Object> body, IntakeSource source, Policy policy) {
        for (String key : body.keySet()) {
            if (!KEYS.contains(key)) return new BadField(key, "not a field of a report; the fields are " + String.join(", ", KEYS.stream().sorted().toList()));
        }
        Object title = body.get("title");
        if (!(title instanceof String t) || t.isBlank()) return new BadField("title", "missing: give the case a title");
        if (SlackText.length(t) > CommandParser.MAX_TITLE_LENGTH) {
            return new BadField("title", "at most " + CommandParser.MAX_TITLE_LENGTH + " characters, got " + SlackText.length(t));
        }
        Object type = body.get("type");
        if (!(type instanceof String typeId) || typeId.isBlank()) return new BadField("type", "missing: one of " + source.allowedTypes());
        if (!source.allows(typeId)) return new NotAllowed("source " + source.id() + " may not open cases of type \"" + typeId + "\"");
        CaseType caseType = policy.caseType(typeId).orElseThrow(() -> new IllegalStateException("the policy checks allowed_types"));
        Optional<Severity> severity = Optional.empty();
        if (body.get("severity") != null) {
            if (!(body.get("severity") instanceof String s) || Severity.parse(s).isEmpty()) {
                return new BadField("severity", "one of SEV1, SEV2, SEV3, SEV4, got " + shown(body.get("severity")));
            }
            severity = Severity.parse(s);
        }
        Optional<String> description = Optional.empty();
        if (body.get("description") != null) {
            if (!(body.get("description") instanceof String d)) return new BadField("description", "text");
            if (SlackText.length(d) > CommandParser.MAX_NOTE_LENGTH) {
                return new BadField("description", "at most " + CommandParser.MAX_NOTE_LENGTH + " characters, got " + SlackText.length(d));
            }
            description = Optional.of(d).filter(x -> !x.isBlank());
        }
        Optional<String> surface = Optional.empty();
        if (body.get("surface") != null) {
            if (!(body.get("surface") instanceof String s)) return new BadField("surface", "text");
            if (SlackText.length(s) > CommandParser.MAX_SURFACE_LENGTH) {
                return new BadField("surface", "at most " + CommandParser.MAX_SURFACE_LENGTH + " characters, got " + SlackText.length(s));
            }
            surface = Optional.of(s).filter(x -> !x.isBlank());
        }
        Object key = body.get("dedup_key");
        if (!(key instanceof String dedupKey) || dedupKey.isBlank()) {
            return new BadField("dedup_key", "missing: the key that makes a report of the same thing again count on its open case");
        }
        if (dedupKey.length() > MAX_DEDUP_KEY || dedupKey.chars().anyMatch(Character::isISOControl)) {
            return new BadField("dedup_key", "1 to " + MAX_DEDUP_KEY + " characters with no control characters");
        }
        Optional<String> link = Optional.empty();
        if (body.get("link") != null) {
            if (!(body.get("link") instanceof String l) || !l.matches("https?://[^\\s<>|]+") || l.length() > MAX_LINK) {
                return new BadField("link", "an http(s) URL of at most " + MAX_LINK + " characters");
            }
            link = Optional.of(l);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.get("fields") != null) {
            if (!(body.get("fields") instanceof Map<?, ?> given)) return new BadField("fields", "an object of the type's fields and their values");
            for (Map.Entry<?, ?> e : given.entrySet()) {
                String id = String.valueOf(e.getKey());
                Optional<CaseField> field = caseType.field(id);
                if (field.isEmpty()) return new BadField("fields." + id, "not a field of type " + typeId);
                String value = e.getValue() instanceof Number n ? number(n) : e.getValue() instanceof String s ? s : null;
                if (value == null || !FieldValue.holds(field.get(), value)) {
                    return new BadField("fields." + id, FieldValue.hint(field.get()) + ", got " + shown(e.getValue()));
                }
                fields.put(id, value);
            }
        }
        EscCommand.Open open = new EscCommand.Open(t.strip(), severity, Optional.of(typeId), surface, description, Optional.empty(), fields);
        return new Accepted(new IntakeReport(source.id(), dedupKey, link, open));
    }

    /** A JSON number as a number field keeps it: 12, not 12.0. */
    private static String number(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : n.toString();
    }

    private static String shown(Object value) {
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
