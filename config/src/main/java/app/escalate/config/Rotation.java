package app.escalate.config;

import java.util.List;

/**
 * An on-call rotation: follow-the-sun layers for the primary and secondary levels on working
 * days, a weekend rotation (which also covers holidays), and the group paged when both levels
 * have let a page go unanswered, and how handoffs between shifts are enforced.
 */
public record Rotation(String id, String name, List<Layer> primary, List<Layer> secondary, WeekendRotation weekend,
                       String managers, HandoffPolicy handoff) {

    public Rotation {
        if (id == null || !id.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("id: lowercase letters, digits and hyphens, got \"" + id + "\"");
        }
        if (name == null || name.isBlank()) name = id;
        primary = List.copyOf(primary == null ? List.of() : primary);
        secondary = List.copyOf(secondary == null ? List.of() : secondary);
        if (primary.isEmpty()) throw new IllegalArgumentException("primary: at least one layer");
        if (handoff == null) handoff = HandoffPolicy.DEFAULT;
    }

    /** A rotation with the default handoff policy. */
    public Rotation(String id, String name, List<Layer> primary, List<Layer> secondary, WeekendRotation weekend, String managers) {
        this(id, name, primary, secondary, weekend, managers, HandoffPolicy.DEFAULT);
    }
}
