package app.escalate.bot.sandbox;

import app.escalate.bot.sandbox.Workspace.Channel;
import app.escalate.bot.sandbox.Workspace.Message;
import app.escalate.bot.sandbox.Workspace.View;
import app.escalate.storage.JdbiSandboxWorkspace;
import app.escalate.storage.JdbiSandboxWorkspace.Saved;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's workspace kept in the bot's database: each change written as it is made, and all
 * of it (channels, members, messages, pins, modals, images, reactions, read markers, the clock)
 * read back when the bot starts again, so that a restart shows the same workspace, the clock reads
 * on from where it was, and no new channel repeats an id a case already names.
 */
final class StoredWorkspace implements WorkspaceJournal {
    private final JdbiSandboxWorkspace store;
    /** While the saved workspace is put back, its changes are not written again. */
    private volatile boolean restoring;

    StoredWorkspace(JdbiSandboxWorkspace store) {
        this.store = store;
    }

    /** What the workspace restored from the database, and whether there was anything to restore. */
    record Restored(Workspace workspace, boolean wasSaved) {
    }

    /**
     * The workspace as it was saved (an empty one the first time), its messages timed by {@code clock},
     * which reads on from where it was; changes are kept from now on, the clock's moves too.
     */
    Restored restore(SandboxClock clock) {
        Saved saved = store.load();
        Workspace w = new Workspace(clock, this);
        restoring = true;
        try {
            saved.channels().forEach(c -> w.restoreChannel(new Channel(c.id(), c.name(), c.isPrivate(), new LinkedHashSet<>(), c.topic(), c.direct(),
                    c.archived()), c.creator()));
            saved.members().forEach(m -> w.addMember(m.channel(), m.user()));
            saved.messages().forEach(m -> w.restoreMessage(new Message(m.channel(), m.ts(), m.user(), m.text(), m.blocks().map(JsonParser::parseString)
                    .orElse(null), m.ephemeralFor().orElse(null), m.pinned()), m.metadata().map(JsonParser::parseString)));
            saved.views().forEach(v -> w.restoreView(new View(v.id(), v.user().orElse(null), JsonParser.parseString(v.view()))));
            saved.files().forEach(w::restoreFile);
            saved.reactions().forEach(r -> w.react(r.user(), r.channel(), r.ts(), r.name()));
            saved.readMarkers().forEach(r -> w.read(r.user(), r.channel(), r.ts()));
            saved.caseChannels().forEach(w::channelIdTaken);
        } finally {
            restoring = false;
        }
        saved.clockOffset().ifPresentOrElse(
                offset -> clock.resume(offset, saved.jumps().stream().map(j -> new SandboxClock.Move(j.from(), j.to())).toList()),
                () -> store.clock(clock.offset(), Optional.empty()));
        return new Restored(w, !saved.isEmpty());
    }

    /** Writes each move of {@code clock} as it is made, until the returned handle is closed. */
    AutoCloseable keep(SandboxClock clock) {
        return clock.onJump((from, to) -> store.clock(clock.offset(), Optional.of(new JdbiSandboxWorkspace.Jump(from, to))));
    }

    @Override
    public void channel(Channel c, Optional<String> creator) {
        if (restoring) return;
        store.channel(new JdbiSandboxWorkspace.Channel(c.id(), c.name(), c.isPrivate(), c.direct(), c.archived(), c.topic(), creator));
    }

    @Override
    public void joined(String channel, List<String> users) {
        if (!restoring) store.joined(channel, users);
    }

    @Override
    public void left(String channel, String user) {
        if (!restoring) store.left(channel, user);
    }

    @Override
    public void message(Message m, Optional<JsonElement> metadata) {
        if (restoring) return;
        store.message(new JdbiSandboxWorkspace.Message(m.channel(), m.ts(), m.user(), m.text(), json(m.blocks()),
                Optional.ofNullable(m.ephemeralFor()), m.pinned(), metadata.map(JsonElement::toString)));
    }

    @Override
    public void view(View v) {
        if (!restoring) store.view(new JdbiSandboxWorkspace.View(v.id(), Optional.ofNullable(v.user()), String.valueOf(v.view())));
    }

    @Override
    public void viewClosed(String id) {
        if (!restoring) store.viewClosed(id);
    }

    @Override
    public void file(String id, byte[] bytes) {
        if (!restoring) store.file(id, bytes);
    }

    @Override
    public void reacted(String user, String channel, String ts, String name) {
        if (!restoring) store.reacted(new JdbiSandboxWorkspace.Reaction(channel, ts, name, user));
    }

    @Override
    public void read(String user, String channel, String ts) {
        if (!restoring) store.read(new JdbiSandboxWorkspace.ReadMarker(user, channel, ts));
    }

    private static Optional<String> json(JsonElement blocks) {
        return blocks == null || blocks.isJsonNull() ? Optional.empty() : Optional.of(blocks.toString());
    }
}
