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
    UNDONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the person did, for the timeline: "accepted", "changed", "dismissed", "undid". */
    public String verb() {
        return this == UNDONE ? "undid" : id();
    }

    /** True when the person overrode the AI rather than agreed with it. */
    public boolean overrides() {
        return this != ACCEPTED;
    }
}
