package app.escalate.config;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A fact a case of one type carries beyond its title ({@code case_types[].fields[]}): the model
 * that produced an output, the regulator's reference, when a request was received. {@code type}
 * says what it takes; {@code required_by} the state it must be filled before ({@code open},
 * {@code mitigated} or {@code resolve}); a {@code restricted} field never goes to a model.
 */
public record CaseField(String id, String label, String type, List<String> options, String requiredBy, Boolean restricted, String help) {
    /** What a field takes. */
    public enum Kind {
        TEXT, LONG_TEXT, NUMBER, URL, CHOICE, CHOICES, DATETIME, USER;

        /** As the policy spells it: {@code long_text}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** When a field must be filled: before the case is opened, moved to mitigated, or resolved. */
    public enum Stage {
        OPEN, MITIGATED, RESOLVE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Slack shows at most 75 characters of an option's text, and a select offers at most 100 options. */
    static final int MAX_OPTION = 75;
    static final int MAX_OPTIONS = 100;

    public CaseField {
        if (id == null || !id.matches("[a-z][a-z0-9_]{0,39}")) {
            throw new IllegalArgumentException("id: lowercase letters, digits and underscores, starting with a letter, got \"" + id + "\"");
        }
        if (label == null || label.isBlank()) throw new IllegalArgumentException("label: missing");
        if (label.length() > 48) throw new IllegalArgumentException("label: at most 48 characters (a form shows no more), got " + label.length());
        Kind kind = kind(type);
        options = options == null ? List.of() : List.copyOf(options);
        boolean choosing = kind == Kind.CHOICE || kind == Kind.CHOICES;
        if (choosing && options.isEmpty()) throw new IllegalArgumentException("options: a " + type + " field lists its options");
        if (!choosing && !options.isEmpty()) throw new IllegalArgumentException("options: only a choice or choices field has options");
        if (options.size() > MAX_OPTIONS) throw new IllegalArgumentException("options: at most " + MAX_OPTIONS + ", got " + options.size());
        Set<String> seen = new HashSet<>();
        for (String option : options) {
            if (option == null || option.isBlank() || option.length() > MAX_OPTION || option.contains(",")) {
                throw new IllegalArgumentException("options: each 1 to " + MAX_OPTION + " characters with no comma, got \"" + option + "\"");
            }
            if (!seen.add(option.toLowerCase(Locale.ROOT))) throw new IllegalArgumentException("options: \"" + option + "\" twice");
        }
        if (requiredBy != null) stage(requiredBy);
        if (restricted == null) restricted = false;
        if (help != null && help.length() > 150) throw new IllegalArgumentException("help: at most 150 characters, got " + help.length());
    }

    public Kind kind() {
        return kind(type);
    }

    /** The state the field must be filled before, if any. */
    public Optional<Stage> required() {
        return Optional.ofNullable(requiredBy).map(CaseField::stage);
    }

    public Optional<String> helpText() {
        return Optional.ofNullable(help);
    }

    private static Kind kind(String type) {
        for (Kind k : Kind.values()) {
            if (k.key().equals(type)) return k;
        }
        throw new IllegalArgumentException("type: one of text, long_text, number, url, choice, choices, datetime, user, got \"" + type + "\"");
    }

    private static Stage stage(String key) {
        for (Stage s : Stage.values()) {
            if (s.key().equals(key)) return s;
        }
        throw new IllegalArgumentException("required_by: open, mitigated or resolve, got \"" + key + "\"");
    }
}
