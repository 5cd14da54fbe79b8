package app.escalate.commands;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Who ran a command, where, the URL that reaches them later (for slash commands), their time
 * zone (times they type are read in it), and how it came: typed, or through a button or form.
 */
public record Invocation(UserId user, ChannelId channel, Optional<String> responseUrl, ZoneId zone, Via via) {

    /** How a command reached the bot, which decides what its channel proves. */
    public enum Via {
        /**
         * A slash command. Slack runs it only where the person can type, so being in {@code channel} is
         * vouched for; a leading case id on free text may be part of the text.
         */
        TYPED,
        /**
         * A button or a form. It names its case explicitly, and the channel it carries says only where
         * to answer: it is no proof that the person is in that channel.
         */
        CONTROL
    }

    public Invocation(UserId user, ChannelId channel, Optional<String> responseUrl, ZoneId zone) {
        this(user, channel, responseUrl, zone, Via.TYPED);
    }

    public Invocation(UserId user, ChannelId channel, Optional<String> responseUrl) {
        this(user, channel, responseUrl, ZoneOffset.UTC, Via.TYPED);
    }

    /** A click or form submission by {@code user}, answered in {@code channel}. */
    public static Invocation control(UserId user, ChannelId channel, Optional<String> responseUrl) {
        return new Invocation(user, channel, responseUrl, ZoneOffset.UTC, Via.CONTROL);
    }

    public boolean typed() {
        return via == Via.TYPED;
    }
}
