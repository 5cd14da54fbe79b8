package app.escalate.bot.sandbox;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who reacted with what to which message, in the order the reactions were first added. Not thread-safe: the workspace guards it. */
final class Reactions {
    /** By channel and message ts ("C… 1234.5678"), then by emoji name: who added it. */
    private final Map<String, Map<String, Set<String>>> byMessage = new LinkedHashMap<>();

    /** False when {@code user} had already added {@code name} there (Slack answers {@code already_reacted}). */
    boolean add(String user, String channel, String ts, String name) {
        return byMessage.computeIfAbsent(channel + " " + ts, k -> new LinkedHashMap<>()).computeIfAbsent(name, k -> new LinkedHashSet<>())
                .add(user);
    }

    /** The reactions on a channel's messages: per message ts, per emoji name, who added it. */
    Map<String, Map<String, List<String>>> in(String channel) {
        Map<String, Map<String, List<String>>> on = new LinkedHashMap<>();
        byMessage.forEach((key, byName) -> {
            if (!key.startsWith(channel + " ")) return;
            Map<String, List<String>> names = new LinkedHashMap<>();
            byName.forEach((name, users) -> names.put(name, List.copyOf(users)));
            on.put(key.substring(channel.length() + 1), names);
        });
        return on;
    }
}
