package app.escalate.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An on-call rotation: follow-the-sun layers for the primary and secondary levels on working
 * days, a weekend rotation (which also covers holidays), and the group paged when both levels
 * have let a page go unanswered, and how handoffs between shifts are enforced. With
 * {@code remind_before}, whoever takes primary at a shift boundary is told that long before it,
 * with a preview of the digest they will get.
 */
public record Rotation(String id, String name, List<Layer> primary, List<Layer> secondary, WeekendRotation weekend,
                       String managers, HandoffPolicy handoff,
                       @JsonProperty("remind_before") @JsonDeserialize(using = Rotation.RemindBefore.class) Duration remindBefore) {
    /** The longest {@code remind_before}: a reminder a day ahead is already a calendar's job. */
    public static final Duration MAX_REMIND_BEFORE = Duration.ofHours(24);

    public Rotation {
        if (id == null || !id.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("id: lowercase letters, digits and hyphens, got \"" + id + "\"");
        }
        if (name == null || name.isBlank()) name = id;
        primary = List.copyOf(primary == null ? List.of() : primary);
        secondary = List.copyOf(secondary == null ? List.of() : secondary);
        if (primary.isEmpty()) throw new IllegalArgumentException("primary: at least one layer");
        if (handoff == null) handoff = HandoffPolicy.DEFAULT;
        if (remindBefore != null) checkRemindBefore(remindBefore);
    }

    /** A rotation without shift reminders. */
    public Rotation(String id, String name, List<Layer> primary, List<Layer> secondary, WeekendRotation weekend, String managers,
                    HandoffPolicy handoff) {
        this(id, name, primary, secondary, weekend, managers, handoff, null);
    }

    /** A rotation with the default handoff policy. */
    public Rotation(String id, String name, List<Layer> primary, List<Layer> secondary, WeekendRotation weekend, String managers) {
        this(id, name, primary, secondary, weekend, managers, HandoffPolicy.DEFAULT);
    }

    /** How long before each of its shift boundaries the incoming primary is reminded; empty: not at all. */
    public Optional<Duration> reminder() {
        return Optional.ofNullable(remindBefore);
    }

    private static Duration checkRemindBefore(Duration d) {
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_REMIND_BEFORE) > 0) {
            throw new IllegalArgumentException("remind_before: longer than zero and at most 24h, got " + d.toString().substring(2).toLowerCase(java.util.Locale.ROOT));
        }
        return d;
    }

    /** Reads {@code remind_before} and checks it there, so a bad value is named at its own key and line. */
    static final class RemindBefore extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = p.getValueAsString("");
            try {
                Duration d = DurationText.parse(text);
                if (d.isNegative() || d.compareTo(MAX_REMIND_BEFORE) > 0) {
                    throw new IllegalArgumentException("longer than zero and at most 24h, got \"" + text + "\"");
                }
                return d;
            } catch (RuntimeException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }
    }
}
