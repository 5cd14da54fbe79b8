package app.escalate.bot.sandbox;

import app.escalate.bot.sandbox.Workspace.Channel;
import app.escalate.bot.sandbox.Workspace.Message;
import com.google.gson.JsonElement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The workspace's messages in the order they were sent, ephemeral ones too, with the metadata
 * each was posted with, and how the Web API reads them back. Not thread-safe: {@link Workspace}
 * holds its lock around every use.
 */
final class Messages {
    private final List<Message> all = new ArrayList<>();
    /** The metadata a message was posted with, by its ts. */
    private final Map<String, JsonElement> metadata = new LinkedHashMap<>();
    private final WorkspaceJournal journal;

    Messages(WorkspaceJournal journal) {
        this.journal = journal;
    }

    void add(Message m, Optional<JsonElement> meta) {
        journal.message(m, meta);
        all.add(m);
        meta.ifPresent(json -> metadata.put(m.ts(), json));
    }

    /** The channel's message {@code ts}, changed by {@code change}; Slack's {@code message_not_found} when it has none. */
    Message change(Channel c, String ts, UnaryOperator<Message> change) {
        int at = indexOf(c, ts);
        Message changed = change.apply(all.get(at));
        journal.message(changed, Optional.ofNullable(metadata.get(ts)));
        all.set(at, changed);
        return changed;
    }

    /** The channel's message {@code ts} that everyone in it sees; Slack's {@code message_not_found} when it has none. */
    Message find(Channel c, String ts) {
        return all.get(indexOf(c, ts));
    }

    private int indexOf(Channel c, String ts) {
        for (int i = 0; i < all.size(); i++) {
            Message m = all.get(i);
            if (m.channel().equals(c.id()) && m.ts().equals(ts) && m.ephemeralFor() == null) return i;
        }
        throw Refused.with("message_not_found");
    }

    /** The channel's messages as {@code user} sees them: everyone's, and the ephemeral ones meant for them. */
    List<Message> seenBy(String channel, String user) {
        return all.stream().filter(m -> m.channel().equals(channel))
                .filter(m -> m.ephemeralFor() == null || m.ephemeralFor().equals(user)).toList();
    }

    /** The message {@code ts} in the channel, unless it is ephemeral. */
    Optional<Message> shared(String channel, String ts) {
        return all.stream().filter(m -> m.channel().equals(channel) && m.ts().equals(ts) && m.ephemeralFor() == null).findFirst();
    }

    /** The message at {@code ts}, alone, as {@code conversations.history} with {@code latest} (or {@code .replies}) answers. */
    List<Map<String, Object>> one(Channel c, String ts) {
        return shared(c.id(), ts).map(x -> List.<Map<String, Object>>of(Map.of("type", "message", "ts", x.ts(), "user", x.user(), "text", x.text())))
                .orElse(List.of());
    }

    /** The channel's newest {@code limit} messages first, with their metadata, as the bot reads them to see what it posted before. */
    List<Map<String, Object>> recent(Channel c, int limit) {
        List<Map<String, Object>> recent = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && recent.size() < limit; i--) {
            Message m = all.get(i);
            if (!m.channel().equals(c.id()) || m.ephemeralFor() != null) continue;
            Map<String, Object> json = new LinkedHashMap<>(Map.of("type", "message", "ts", m.ts(), "user", m.user(), "text", m.text()));
            if (metadata.containsKey(m.ts())) json.put("metadata", metadata.get(m.ts()));
            recent.add(json);
        }
        return recent;
    }

    List<Message> all() {
        return List.copyOf(all);
    }
}
