package app.escalate.bot.sandbox;

import app.escalate.bot.sandbox.Workspace.Channel;
import app.escalate.bot.sandbox.Workspace.Message;
import app.escalate.bot.sandbox.Workspace.View;
import com.google.gson.JsonElement;

import java.util.List;
import java.util.Optional;

/**
 * Told of each change to a workspace as it is made, under the workspace's lock, so that the
 * sandbox's workspace can be kept (see {@link StoredWorkspace}); the tests' workspaces keep nothing.
 */
interface WorkspaceJournal {
    /** A new channel, or one whose topic or archival changed (who is in it is told by {@link #joined}). */
    void channel(Channel c, Optional<String> creator);

    void joined(String channel, List<String> users);

    void left(String channel, String user);

    /** A new message, or one updated or pinned since, with the metadata it was posted with. */
    void message(Message m, Optional<JsonElement> metadata);

    void view(View v);

    void viewClosed(String id);

    void file(String id, byte[] bytes);

    void reacted(String user, String channel, String ts, String name);

    /** How far {@code user} has read the channel now. */
    void read(String user, String channel, String ts);

    /** Keeps nothing. */
    WorkspaceJournal NONE = new WorkspaceJournal() {
        @Override
        public void channel(Channel c, Optional<String> creator) {
        }

        @Override
        public void joined(String channel, List<String> users) {
        }

        @Override
        public void left(String channel, String user) {
        }

        @Override
        public void message(Message m, Optional<JsonElement> metadata) {
        }

        @Override
        public void view(View v) {
        }

        @Override
        public void viewClosed(String id) {
        }

        @Override
        public void file(String id, byte[] bytes) {
        }

        @Override
        public void reacted(String user, String channel, String ts, String name) {
        }

        @Override
        public void read(String user, String channel, String ts) {
        }
    };
}
