package app.escalate.config;

/** A root-cause category that SEV1 and SEV2 cases must name when they are resolved. */
public record RootCause(String id, String label) {
    public RootCause {
        if (id == null || !id.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("id: lowercase letters, digits and hyphens, got \"" + id + "\"");
        }
        if (label == null || label.isBlank()) throw new IllegalArgumentException("label: missing");
    }
}
