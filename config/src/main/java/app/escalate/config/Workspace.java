package app.escalate.config;

/** Where the bot posts outside case channels, and how case channels are named. */
public record Workspace(String teamChannel, String leadershipChannel, String channelPrefix) {
    public Workspace {
        if (channelPrefix == null) channelPrefix = "esc";
        if (!channelPrefix.matches("[a-z0-9][a-z0-9-]{0,19}")) {
            throw new IllegalArgumentException("channel_prefix: lowercase letters, digits and hyphens, at most 20, got \""
                    + channelPrefix + "\"");
        }
        teamChannel = channel("team_channel", teamChannel);
        leadershipChannel = channel("leadership_channel", leadershipChannel);
    }

    static String channel(String key, String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(key + ": missing");
        String name = value.startsWith("#") ? value.substring(1) : value;
        if (!name.matches("[a-z0-9_-]{1,80}|[CG][A-Z0-9]{2,20}")) {
            throw new IllegalArgumentException(key + ": a channel name (#name) or id (C…), got \"" + value + "\"");
        }
        return name;
    }
}
