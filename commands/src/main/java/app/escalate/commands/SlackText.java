package app.escalate.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads text as Slack sends it in commands and events: {@code &amp; &lt; &gt;} entities, and
 * {@code <…>} tokens for mentions, channels, links and dates. Turns it into plain text, with
 * mentions as inert {@code @name}, so what people type is stored as they meant it and can be
 * escaped once on the way out.
 */
public final class SlackText {
    private static final Pattern TOKEN = Pattern.compile("<([^<>]*)>");
    private static final Pattern USER = Pattern.compile("@([UW][A-Z0-9]{2,20})(?:\\|([^>]*))?");

    private SlackText() {
    }

    public static String plain(String slackText) {
        if (slackText == null) return "";
        Matcher m = TOKEN.matcher(slackText);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(entities(slackText.substring(last, m.start())));
            out.append(token(m.group(1)));
            last = m.end();
        }
        out.append(entities(slackText.substring(last)));
        return out.toString();
    }

    /** Characters as people and Slack count them: an emoji is one, not the two UTF-16 units of {@link String#length()}. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** The first {@code max} characters of {@code text} (as {@link #length} counts them), cut without a mark. */
    public static String head(String text, int max) {
        return length(text) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }

    /** {@code text} cut to at most {@code max} characters (as {@link #length} counts them), an ellipsis marking the cut. */
    public static String clip(String text, int max) {
        if (length(text) <= max) return text;
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** The people mentioned with Slack's {@code <@U…>} tokens, in order. */
    public static List<UserId> mentionedUsers(String slackText) {
        List<UserId> users = new ArrayList<>();
        if (slackText == null) return users;
        Matcher m = TOKEN.matcher(slackText);
        while (m.find()) {
            Matcher user = USER.matcher(m.group(1));
            if (user.matches()) users.add(new UserId(user.group(1)));
        }
        return users;
    }

    private static String token(String inner) {
        String[] parts = inner.split("\\|", 2);
        String target = parts[0];
        String label = parts.length > 1 ? entities(parts[1]) : null;
        if (target.startsWith("@")) {
            return label != null && !label.isEmpty() ? "@" + label.replaceFirst("^@", "") : target;
        }
        if (target.startsWith("#")) {
            return label != null && !label.isEmpty() ? "#" + label : target;
        }
        if (target.startsWith("!")) {
            String special = target.substring(1);
            if (special.startsWith("subteam^") || special.startsWith("date^")) {
                return label != null ? label : "@" + special.replaceFirst("\\^.*", "");
            }
            return "@" + special;
        }
        String url = entities(target);
        return label == null || label.equals(url) ? url : label + " (" + url + ")";
    }

    private static String entities(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
