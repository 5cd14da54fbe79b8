package app.escalate.commands;

import java.util.Locale;

/** What a person made of a triage suggestion. */
public enum TriageVerdict {
    /** Applied as suggested. */
    ACCEPTED,
    /** Applied with the person's own type and severity instead. */
    CHANGED,
    /** Left as the reporter opened it. */
    DISMISSED,
    /** An automatically applied suggestion taken back. */
    UNDONE,
    /** The field values it proposed and held left out, while the suggestion itself, applied, stands. */
    LEFT_OUT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the person did, for the timeline: "accepted", "changed", "dismissed", "undid", "left out values of". */
    public String verb() {
        return switch (this) {
            case UNDONE -> "undid";
            case LEFT_OUT -> "left out values of";
            default -> id();
        };
    }

    /** True for a verdict on the suggestion itself, the one {@code /esc stats} counts; false for one on its field values alone. */
    public boolean onSuggestion() {
        return this != LEFT_OUT;
    }

    /** True when the person overrode the AI rather than agreed with it. */
    public boolean overrides() {
        return this != ACCEPTED;
    }
}
