package app.escalate.storage;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local sandbox workspace's tables: what its channels, messages, modals, images, reactions,
 * read markers and clock are, written as each changes, and read back when the bot starts again.
 * Each write stands alone: the sandbox keeps its workspace in memory and tells this what changed.
 */
public final class JdbiSandboxWorkspace {
    public record Channel(String id, String name, boolean isPrivate, boolean direct, boolean archived, String topic, Optional<String> creator) {
    }

    public record Member(String channel, String user) {
    }

    /** A message; {@code blocks} and {@code metadata} are JSON text. */
    public record Message(String channel, String ts, String user, String text, Optional<String> blocks, Optional<String> ephemeralFor,
                          boolean pinned, Optional<String> metadata) {
    }

    /** A modal open for {@code user}; {@code view} is JSON text. */
    public record View(String id, Optional<String> user, String view) {
    }

    public record Reaction(String channel, String ts, String name, String user) {
    }

    public record ReadMarker(String user, String channel, String ts) {
    }

    public record Jump(Instant from, Instant to) {
    }

    /**
     * Everything saved, in the order it came: empty lists and no clock for a workspace never
     * started; {@code caseChannels} are the channel ids the bot's cases name, which a new channel's
     * id must not repeat.
     */
    public record Saved(List<Channel> channels, List<Member> members, List<Message> messages, List<View> views, Map<String, byte[]> files,
                        List<Reaction> reactions, List<ReadMarker> readMarkers, Optional<Duration> clockOffset, List<Jump> jumps,
                        List<String> caseChannels) {
        public boolean isEmpty() {
            return channels.isEmpty() && messages.isEmpty() && clockOffset.isEmpty();
        }
    }

    private final Jdbi jdbi;

    public JdbiSandboxWorkspace(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A new channel, or one whose name, topic or archival changed. */
    public void channel(Channel c) {
        jdbi.useTransaction(h -> {
            int updated = bindChannel(h.createUpdate("""
                    UPDATE sandbox_channels SET name = :name, is_private = :isPrivate, is_direct = :direct, archived = :archived,
                    topic = :topic, creator = :creator WHERE id = :id"""), c).execute();
            if (updated == 0) {
                bindChannel(h.createUpdate("""
                        INSERT INTO sandbox_channels (id, name, is_private, is_direct, archived, topic, creator)
                        VALUES (:id, :name, :isPrivate, :direct, :archived, :topic, :creator)"""), c).execute();
            }
        });
    }

    private static Update bindChannel(Update u, Channel c) {
        return u.bind("id", c.id()).bind("name", c.name()).bind("isPrivate", c.isPrivate()).bind("direct", c.direct())
                .bind("archived", c.archived()).bind("topic", c.topic()).bind("creator", c.creator().orElse(null));
    }

    /** {@code users} are in the channel now (those already in it stay as they were). */
    public void joined(String channel, List<String> users) {
        jdbi.useTransaction(h -> users.forEach(user -> h.createUpdate("""
                INSERT INTO sandbox_members (channel_id, user_id) SELECT :c, :u
                WHERE NOT EXISTS (SELECT 1 FROM sandbox_members WHERE channel_id = :c AND user_id = :u)""")
                .bind("c", channel).bind("u", user).execute()));
    }

    public void left(String channel, String user) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sandbox_members WHERE channel_id = :c AND user_id = :u")
                .bind("c", channel).bind("u", user).execute());
    }

    /** A new message, or one updated or pinned since. */
    public void message(Message m) {
        jdbi.useTransaction(h -> {
            int updated = bindMessage(h.createUpdate("""
                    UPDATE sandbox_messages SET user_id = :user, text = :text, blocks = :blocks, ephemeral_for = :ephemeralFor,
                    pinned = :pinned, metadata = :metadata WHERE channel_id = :channel AND ts = :ts"""), m).execute();
            if (updated == 0) {
                bindMessage(h.createUpdate("""
                        INSERT INTO sandbox_messages (channel_id, ts, user_id, text, blocks, ephemeral_for, pinned, metadata)
                        VALUES (:channel, :ts, :user, :text, :blocks, :ephemeralFor, :pinned, :metadata)"""), m).execute();
            }
        });
    }

    private static Update bindMessage(Update u, Message m) {
        return u.bind("channel", m.channel()).bind("ts", m.ts()).bind("user", m.user()).bind("text", m.text())
                .bind("blocks", m.blocks().orElse(null)).bind("ephemeralFor", m.ephemeralFor().orElse(null))
                .bind("pinned", m.pinned()).bind("metadata", m.metadata().orElse(null));
    }

    /** A modal opened, or updated in place. */
    public void view(View v) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE sandbox_views SET user_id = :user, view_json = :view WHERE id = :id")
                    .bind("id", v.id()).bind("user", v.user().orElse(null)).bind("view", v.view()).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO sandbox_views (id, user_id, view_json) VALUES (:id, :user, :view)")
                        .bind("id", v.id()).bind("user", v.user().orElse(null)).bind("view", v.view()).execute();
            }
        });
    }

    public void viewClosed(String id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sandbox_views WHERE id = :id").bind("id", id).execute());
    }

    /** An uploaded file's bytes (an upload URL given out has none yet; it is written when they arrive). */
    public void file(String id, byte[] bytes) {
        jdbi.useTransaction(h -> {
            if (h.createUpdate("UPDATE sandbox_files SET bytes = :b WHERE id = :id").bind("id", id).bind("b", bytes).execute() == 0) {
                h.createUpdate("INSERT INTO sandbox_files (id, bytes) VALUES (:id, :b)").bind("id", id).bind("b", bytes).execute();
            }
        });
    }

    public void reacted(Reaction r) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO sandbox_reactions (channel_id, ts, name, user_id) SELECT :channel, :ts, :name, :user
                WHERE NOT EXISTS (SELECT 1 FROM sandbox_reactions WHERE channel_id = :channel AND ts = :ts AND name = :name AND user_id = :user)""")
                .bind("channel", r.channel()).bind("ts", r.ts()).bind("name", r.name()).bind("user", r.user()).execute());
    }

    /** How far {@code user} has read the channel now. */
    public void read(ReadMarker r) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE sandbox_read_markers SET ts = :ts WHERE user_id = :user AND channel_id = :channel")
                    .bind("user", r.user()).bind("channel", r.channel()).bind("ts", r.ts()).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO sandbox_read_markers (user_id, channel_id, ts) VALUES (:user, :channel, :ts)")
                        .bind("user", r.user()).bind("channel", r.channel()).bind("ts", r.ts()).execute();
            }
        });
    }

    /** The clock reads real time plus {@code offset}, after the move {@code jump} when there was one. */
    public void clock(Duration offset, Optional<Jump> jump) {
        jdbi.useTransaction(h -> {
            if (h.createUpdate("UPDATE sandbox_clock SET offset_millis = :o WHERE id = 1").bind("o", offset.toMillis()).execute() == 0) {
                h.createUpdate("INSERT INTO sandbox_clock (id, offset_millis) VALUES (1, :o)").bind("o", offset.toMillis()).execute();
            }
            jump.ifPresent(j -> h.createUpdate("INSERT INTO sandbox_clock_jumps (jumped_from, jumped_to) VALUES (:from, :to)")
                    .bind("from", j.from()).bind("to", j.to()).execute());
        });
    }

    /** All that was saved, read in one transaction. */
    public Saved load() {
        return jdbi.inTransaction(h -> new Saved(
                h.createQuery("SELECT * FROM sandbox_channels ORDER BY pos").map((rs, ctx) -> new Channel(rs.getString("id"),
                        rs.getString("name"), rs.getBoolean("is_private"), rs.getBoolean("is_direct"), rs.getBoolean("archived"),
                        rs.getString("topic"), Optional.ofNullable(rs.getString("creator")))).list(),
                h.createQuery("SELECT channel_id, user_id FROM sandbox_members ORDER BY pos")
                        .map((rs, ctx) -> new Member(rs.getString(1), rs.getString(2))).list(),
                h.createQuery("SELECT * FROM sandbox_messages ORDER BY pos").map((rs, ctx) -> new Message(rs.getString("channel_id"),
                        rs.getString("ts"), rs.getString("user_id"), rs.getString("text"), Optional.ofNullable(rs.getString("blocks")),
                        Optional.ofNullable(rs.getString("ephemeral_for")), rs.getBoolean("pinned"),
                        Optional.ofNullable(rs.getString("metadata")))).list(),
                h.createQuery("SELECT id, user_id, view_json FROM sandbox_views ORDER BY pos")
                        .map((rs, ctx) -> new View(rs.getString(1), Optional.ofNullable(rs.getString(2)), rs.getString(3))).list(),
                files(h),
                h.createQuery("SELECT channel_id, ts, name, user_id FROM sandbox_reactions ORDER BY pos")
                        .map((rs, ctx) -> new Reaction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list(),
                h.createQuery("SELECT user_id, channel_id, ts FROM sandbox_read_markers")
                        .map((rs, ctx) -> new ReadMarker(rs.getString(1), rs.getString(2), rs.getString(3))).list(),
                h.createQuery("SELECT offset_millis FROM sandbox_clock WHERE id = 1").mapTo(Long.class).findOne().map(Duration::ofMillis),
                h.createQuery("SELECT jumped_from, jumped_to FROM sandbox_clock_jumps ORDER BY pos").map((rs, ctx) -> new Jump(
                        rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getObject(2, OffsetDateTime.class).toInstant())).list(),
                h.createQuery("SELECT channel_id FROM cases WHERE channel_id IS NOT NULL").mapTo(String.class).list()));
    }

    private static Map<String, byte[]> files(Handle h) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        h.createQuery("SELECT id, bytes FROM sandbox_files").map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBytes(2)))
                .forEach(e -> files.put(e.getKey(), e.getValue()));
        return files;
    }
}
