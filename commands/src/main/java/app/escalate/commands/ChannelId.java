package app.escalate.commands;

import java.util.Optional;
import java.util.regex.Pattern;

/** A Slack conversation id ({@code C…}, {@code G…} or {@code D…}). */
public record ChannelId(String value) {
    /** Compiled once: every request builds channel ids. */
    private static final Pattern SHAPE = Pattern.compile("[CGD][A-Z0-9]{2,20}");

    public ChannelId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a channel id: " + value);
        }
    }

    /** The id, when {@code value} has the shape of one (as a request's field or a form's metadata may not). */
    public static Optional<ChannelId> parse(String value) {
        return value != null && SHAPE.matcher(value).matches() ? Optional.of(new ChannelId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
