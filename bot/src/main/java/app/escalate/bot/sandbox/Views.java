package app.escalate.bot.sandbox;

import app.escalate.bot.sandbox.Workspace.View;
import com.google.gson.JsonElement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The modals open in the workspace, and whose each is: a modal opens for the person whose command
 * or click gave the trigger id it was opened with. Not thread-safe: {@link Workspace} holds its
 * lock around every use.
 */
final class Views {
    private final Map<String, View> open = new LinkedHashMap<>();
    /** Who a trigger id (given with a command or a click) belongs to, so a modal opens for them. */
    private final Map<String, String> triggers = new LinkedHashMap<>();
    private final WorkspaceJournal journal;

    Views(WorkspaceJournal journal) {
        this.journal = journal;
    }

    void trigger(String trigger, String user) {
        triggers.put(trigger, user);
    }

    /** {@code views.open}: the modal {@code id}, for whoever the trigger id belongs to. */
    void open(String id, String trigger, JsonElement view) {
        View opened = new View(id, triggers.get(trigger), view);
        journal.view(opened);
        open.put(id, opened);
    }

    /** {@code views.update}: the modal {@code id}, when open, now shows {@code view}. */
    void update(String id, JsonElement view) {
        View old = open.get(id);
        if (old == null) return;
        View updated = new View(id, old.user(), view);
        journal.view(updated);
        open.put(id, updated);
    }

    /** A modal kept from before a restart. */
    void restore(View v) {
        open.put(v.id(), v);
    }

    void close(String id) {
        if (!open.containsKey(id)) return;
        journal.viewClosed(id);
        open.remove(id);
    }

    /** The modal open for {@code user}, the newest when several are. */
    Optional<View> openFor(String user) {
        return open.values().stream().filter(v -> user.equals(v.user())).reduce((a, b) -> b);
    }

    List<String> ids() {
        return List.copyOf(open.keySet());
    }
}
