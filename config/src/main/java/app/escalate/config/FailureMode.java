package app.escalate.config;

/** One way the AI gets a case wrong, as the team names it ({@code ai.failure_modes[]}): what a person tags an override with. */
public record FailureMode(String id, String label) {
    public FailureMode {
        if (id == null || !id.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("id: lowercase letters, digits and hyphens, got \"" + id + "\"");
        }
        if (label == null || label.isBlank()) throw new IllegalArgumentException("label: missing");
        if (label.length() > 60) throw new IllegalArgumentException("label: at most 60 characters (it is a button), got " + label.length());
    }
}
