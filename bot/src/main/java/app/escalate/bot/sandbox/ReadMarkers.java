package app.escalate.bot.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each person has read each channel (Slack's {@code last_read}): the newest message the
 * page has shown them there. A marker only moves forward, whatever order the page's reports arrive in.
 */
final class ReadMarkers {
    private final Map<String, Map<String, String>> read = new ConcurrentHashMap<>();

    /** True when the marker moved: the first message read there, or one newer than the last. */
    boolean read(String user, String channel, String ts) {
        Map<String, String> byChannel = read.computeIfAbsent(user, u -> new ConcurrentHashMap<>());
        String before = byChannel.get(channel);
        if (before != null && ChannelActivity.compareTs(ts, before) <= 0) return false;
        byChannel.put(channel, ts);
        return true;
    }

    Optional<String> lastRead(String user, String channel) {
        return Optional.ofNullable(read.getOrDefault(user, Map.of()).get(channel));
    }
}
