package app.escalate.commands;

/** A Slack conversation id ({@code C…}, {@code G…} or {@code D…}). */
public record ChannelId(String value) {
    public ChannelId {
        if (value == null || !value.matches("[CGD][A-Z0-9]{2,20}")) {
            throw new IllegalArgumentException("not a channel id: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
