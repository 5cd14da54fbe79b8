package app.escalate.commands.intake;

import app.escalate.commands.Case;
import app.escalate.commands.CaseId;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** Where a machine's dedup keys and rates are kept; storage implements it, atomically across replicas. */
public interface IntakeStore {

    /** The case {@code key} names for {@code source}: opened now by this call, or one it named already (perhaps resolved since). */
    record Keyed(Case found, boolean opened) {
    }

    /**
     * Opens {@code draft} under {@code source}'s {@code key} unless the key names a case already: one
     * transaction, so of any number of concurrent calls with the same key exactly one opens.
     */
    Keyed openOnce(String source, String key, Optional<String> link, NewCase draft, Function<Case, Opening> follow);

    /** Frees {@code key} from {@code resolved}, so the next report opens a new case; a key already freed or taken again is left. */
    void release(String source, String key, CaseId resolved);

    /** Counts one request of {@code source} in the minute starting {@code window}; false, counting nothing, when it has had {@code max}. */
    boolean take(String source, Instant window, int max);

    /** The source that raised {@code id} and how many times it reported it, for a case a machine raised. */
    Optional<MachineReport> report(CaseId id);

    /** Which source raised {@code id}, under which key, with the link it sent. */
    record Origin(String source, String dedupKey, Optional<String> link) {
    }

    Optional<Origin> origin(CaseId id);
}
