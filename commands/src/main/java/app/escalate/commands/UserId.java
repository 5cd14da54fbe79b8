package app.escalate.commands;

import java.util.regex.Pattern;

/** A Slack user id ({@code U…} or {@code W…}). */
public record UserId(String value) {
    /** Compiled once: every request builds several user ids. */
    private static final Pattern SHAPE = Pattern.compile("[UW][A-Z0-9]{2,20}");

    public UserId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a user id: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
