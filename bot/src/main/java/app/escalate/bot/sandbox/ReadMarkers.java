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

    void read(String user, String channel, String ts) {
        read.computeIfAbsent(user, u -> new ConcurrentHashMap<>())
                .merge(channel, ts, (before, now) -> ChannelActivity.compareTs(now, before) > 0 ? now : before);
    }

    Optional<String> lastRead(String user, String channel) {
        return Optional.ofNullable(read.getOrDefault(user, Map.of()).get(channel));
    }
}
