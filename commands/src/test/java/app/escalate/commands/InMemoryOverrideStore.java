package app.escalate.commands;

import app.escalate.commands.oncall.OverrideStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A list-backed {@link OverrideStore} for handler tests. */
public final class InMemoryOverrideStore implements OverrideStore {
    private final List<ShiftOverride> active = new ArrayList<>();
    public final List<ShiftOverride> removed = new ArrayList<>();

    @java.lang.Override
    public synchronized ShiftOverride add(ShiftOverride draft) {
        ShiftOverride saved = new ShiftOverride(active.size() + removed.size() + 1, draft.rotation(), draft.level(), draft.who(), draft.from(),
                draft.until(), draft.by(), draft.createdAt());
        active.add(saved);
        return saved;
    }

    @java.lang.Override
    public synchronized List<ShiftOverride> active(Instant after) {
        return active.stream().filter(o -> o.until().isAfter(after)).toList();
    }

    @java.lang.Override
    public synchronized Optional<ShiftOverride> remove(long id, UserId by, Instant at) {
        Optional<ShiftOverride> found = active.stream().filter(o -> o.id() == id).findFirst();
        found.ifPresent(o -> {
            active.remove(o);
            removed.add(o);
            if (o.from().isBefore(at) && o.until().isAfter(at)) {
                active.add(new ShiftOverride(o.id(), o.rotation(), o.level(), o.who(), o.from(), at, o.by(), o.createdAt()));
            }
        });
        return found;
    }
}
