package app.escalate.bot.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the sidebar shows of one channel to one person, as Slack counts it: the channel's newest
 * message, how many messages came after the one the person last read (their own aside), and how
 * many of those mention them — by name, or {@code @here}, {@code @channel}, {@code @everyone}; in a
 * direct conversation every message counts as one.
 */
record ChannelActivity(String latest, int unread, int mentions) {

    /** {@code visible}: the channel's messages as {@code viewer} sees them, oldest first. */
    static ChannelActivity of(List<Workspace.Message> visible, String viewer, boolean direct, Optional<String> lastRead) {
        String latest = visible.isEmpty() ? null : visible.get(visible.size() - 1).ts();
        Pattern mention = mentionOf(viewer);
        int unread = 0;
        int mentions = 0;
        for (Workspace.Message m : visible) {
            if (viewer.equals(m.user()) || lastRead.filter(read -> compareTs(m.ts(), read) <= 0).isPresent()) continue;
            unread++;
            if (direct || mentions(m, mention)) mentions++;
        }
        return new ChannelActivity(latest, unread, mentions);
    }

    /** Slack's timestamps in time order: seconds, then the sequence after the dot. */
    static int compareTs(String a, String b) {
        String[] x = a.split("\\.", 2);
        String[] y = b.split("\\.", 2);
        int bySecond = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        if (bySecond != 0) return bySecond;
        return Long.compare(x.length > 1 ? Long.parseLong(x[1]) : 0, y.length > 1 ? Long.parseLong(y[1]) : 0);
    }

    /** {@code <@viewer>} (with or without a name after it), {@code <!here>}, {@code <!channel>} or {@code <!everyone>}. */
    private static Pattern mentionOf(String viewer) {
        return Pattern.compile("<@" + Pattern.quote(viewer) + "(\\|[^>]*)?>|<!(here|channel|everyone)(\\|[^>]*)?>");
    }

    /** Whether the message's text, or any text in its blocks, has a mention of the reader. */
    private static boolean mentions(Workspace.Message m, Pattern mention) {
        return mention.matcher(m.text() == null ? "" : m.text()).find() || anyText(m.blocks(), mention);
    }

    private static boolean anyText(JsonElement element, Pattern mention) {
        if (element == null || element.isJsonNull()) return false;
        if (element.isJsonArray()) {
            for (JsonElement e : element.getAsJsonArray()) if (anyText(e, mention)) return true;
            return false;
        }
        if (!element.isJsonObject()) return false;
        JsonObject o = element.getAsJsonObject();
        for (String key : o.keySet()) {
            JsonElement value = o.get(key);
            if (key.equals("text") && value.isJsonPrimitive() && mention.matcher(value.getAsString()).find()) return true;
            if ((value.isJsonObject() || value.isJsonArray()) && anyText(value, mention)) return true;
        }
        return false;
    }
}
