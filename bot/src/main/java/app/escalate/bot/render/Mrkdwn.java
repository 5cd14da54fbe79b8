package app.escalate.bot.render;

import app.escalate.commands.SlackText;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Slack mrkdwn helpers. */
public final class Mrkdwn {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Mrkdwn() {
    }

    /**
     * Makes user text inert: with {@code &}, {@code <} and {@code >} escaped, Slack renders
     * {@code <!channel>} or {@code <@U123>} typed by a person as text and pings nobody.
     */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Like {@link #escape}, but a mention {@code <@U…>} of one of {@code people} stays a mention; any
     * other {@code <…>} is made inert. For drafts whose mentions the checks have already vetted.
     */
    public static String escapeKeepingMentions(String text, java.util.Set<app.escalate.commands.UserId> people) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<@([A-Z0-9]+)>").matcher(text);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (m.find()) {
            String id = m.group(1);
            boolean keep = people.stream().anyMatch(p -> p.value().equals(id));
            out.append(escape(text.substring(from, m.start()))).append(keep ? user(id) : escape(m.group()));
            from = m.end();
        }
        return out.append(escape(text.substring(from))).toString();
    }

    /**
     * Mrkdwn cut to at most {@code max} characters (code points), an ellipsis marking the cut, never
     * inside a {@code <…>} token (a mention, link or date) or an {@code &…;} entity, which would
     * show as broken markup.
     */
    public static String clip(String mrkdwn, int max) {
        if (SlackText.length(mrkdwn) <= max) return mrkdwn;
        int cut = mrkdwn.offsetByCodePoints(0, max - 1);
        int open = mrkdwn.lastIndexOf('<', cut - 1);
        if (open >= 0 && mrkdwn.lastIndexOf('>', cut - 1) < open) cut = open;
        int amp = mrkdwn.lastIndexOf('&', cut - 1);
        if (amp >= 0 && mrkdwn.indexOf(';', amp) >= cut && cut - amp < "&amp;".length()) cut = amp;
        return mrkdwn.substring(0, cut) + "…";
    }

    public static String user(String userId) {
        return "<@" + userId + ">";
    }

    public static String channel(String channelId) {
        return "<#" + channelId + ">";
    }

    /** How long until (or since) {@code at}, as Slack words it for each reader ("in 15 minutes"); the fallback is the UTC time. */
    public static String ago(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{ago}|" + UTC.format(at) + ">";
    }

    /** A time each reader sees in their own time zone; the fallback is UTC. */
    public static String date(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + UTC.format(at) + ">";
    }
}
