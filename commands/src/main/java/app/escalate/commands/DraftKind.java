package app.escalate.commands;

import java.util.Optional;
/** What a draft is for: the executive summary for leadership, or the root-cause write-up. */
public enum DraftKind {
    EXEC_SUMMARY("exec-summary", "Executive summary"),
    RCA("rca", "Root-cause write-up");

    private final String id;
    private final String label;

    DraftKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The stable name used in prompts' file names and stored records. */
    public String id() {
        return id;
    }

    /** The kind stored as {@link #id()}. */
    public static java.util.Optional<DraftKind> of(String id) {
        return java.util.Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    public String label() {
        return label;
    }

    /** The label within a sentence: "executive summary". */
    public String noun() {
        return label.toLowerCase(java.util.Locale.ROOT);
    }
}
