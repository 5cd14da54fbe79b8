package app.escalate.commands.oncall;

import app.escalate.commands.ShiftOverride;
import app.escalate.commands.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where shift overrides live; removed ones are kept for audit but no longer count. */
public interface OverrideStore {

    /** Stores a new override; its id and creation time come from {@code draft}'s fields except the id. */
    ShiftOverride add(ShiftOverride draft);

    /** Overrides in force or still to come at {@code after}, oldest first. */
    List<ShiftOverride> active(Instant after);

    /**
     * Removes an override: one still to come stops counting; one in force at {@code at} ends then,
     * so what was served stays. Who removed it and when are kept. Empty when there is no such override.
     */
    Optional<ShiftOverride> remove(long id, UserId by, Instant at);

}
