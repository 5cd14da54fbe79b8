package app.escalate.commands;

/** A Slack user id ({@code U…} or {@code W…}). */
public record UserId(String value) {
    public UserId {
        if (value == null || !value.matches("[UW][A-Z0-9]{2,20}")) {
            throw new IllegalArgumentException("not a user id: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
