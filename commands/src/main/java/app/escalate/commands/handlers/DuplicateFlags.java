package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The similar cases shown when a case opens, and the verdict on its duplicate flag. Each is kept
 * once in the case's once-keys (with the case row locked), so a job run twice posts once and a
 * flag is judged once: merged into the flagged case (however the merge was asked for), or *Not a
 * duplicate*. Pure; who may judge is checked before.
 */
final class DuplicateFlags {
    static final String FOUND = "similar-found";
    static final String JUDGED = "duplicate-judged";

    /** The once-key that says the case was flagged as a duplicate of {@code of}. */
    static String flag(CaseId of) {
        return "duplicate-flag:" + of.number();
    }

    Decision found(CaseFile file, CaseAction.RecordSimilar action, Instant now) {
        if (file.slaAlerts().contains(FOUND)) return new Decision.Rejected("similar cases were shown already");
        CaseFile after = file.withSlaAlert(FOUND);
        if (action.duplicateOf().isPresent()) after = after.withSlaAlert(flag(action.duplicateOf().get()));
        CaseEvent e = new CaseEvent(file.id(), now, file.details().reporter(), new EventData.SimilarFound(action.similar(), action.duplicateOf()));
        List<SlackEffect> effects = action.similar().isEmpty() ? List.of() : List.of(new SlackEffect.ShowSimilar(file.id()));
        return new Decision.Applied(after, List.of(e), effects);
    }

    static boolean flagged(CaseFile file, CaseId of) {
        return file.slaAlerts().contains(flag(of));
    }

    static String notFlagged(CaseId id, CaseId of) {
        return id + " was not flagged as a duplicate of " + of + ".";
    }

    Decision notDuplicate(CaseFile file, CaseAction.NotDuplicate action, UserId actor, Instant now) {
        if (!flagged(file, action.of())) return new Decision.Rejected(notFlagged(file.id(), action.of()));
        if (file.slaAlerts().contains(JUDGED)) return new Decision.Rejected("The flag on " + file.id() + " was judged already.");
        CaseEvent e = new CaseEvent(file.id(), now, actor, new EventData.DuplicateJudged(action.of(), false));
        List<SlackEffect> effects = new ArrayList<>(SlackEffect.forChange(file.id(), List.of(e)));
        action.messageTs().ifPresent(ts -> effects.add(new SlackEffect.UpdateSimilar(file.id(), ts)));
        return new Decision.Applied(file.withSlaAlert(JUDGED), List.of(e), effects);
    }

    /** A merge into the case the duplicate was flagged against confirms the flag: the verdict, if not judged yet. */
    static Optional<CaseEvent> confirmedBy(CaseFile duplicate, CaseId into, UserId actor, Instant now) {
        if (!flagged(duplicate, into) || duplicate.slaAlerts().contains(JUDGED)) return Optional.empty();
        return Optional.of(new CaseEvent(duplicate.id(), now, actor, new EventData.DuplicateJudged(into, true)));
    }
}
