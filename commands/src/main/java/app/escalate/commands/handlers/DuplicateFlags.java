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
 * flag is judged once, and the first verdict stands: right when the two cases are merged (either
 * into the other, however the merge was asked for), wrong on *Not a duplicate* or when the case is
 * merged into another one. Pure; who may judge is checked before.
 */
final class DuplicateFlags {
    static final String FOUND = "similar-found";
    static final String JUDGED = "duplicate-judged";

    private static final String FLAG = "duplicate-flag:";

    /** The once-key that says the case was flagged as a duplicate of {@code of}. */
    static String flag(CaseId of) {
        return FLAG + of.number();
    }

    /** The case this one was flagged as a duplicate of, while nobody has judged the flag. */
    static Optional<CaseId> unjudged(CaseFile file) {
        if (file.slaAlerts().contains(JUDGED)) return Optional.empty();
        return file.slaAlerts().stream().filter(k -> k.startsWith(FLAG)).findFirst().flatMap(k -> CaseId.ofNumber(k.substring(FLAG.length())));
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
        effects.add(new SlackEffect.UpdateSimilar(file.id()));
        return new Decision.Applied(file.withSlaAlert(JUDGED), List.of(e), effects);
    }

    /**
     * The verdict a merge gives {@code file}'s unjudged flag, if it has one: right when {@code other}
     * (the case it was merged with, either way round) is the one flagged, wrong otherwise.
     */
    static Optional<CaseEvent> judgedByMerge(CaseFile file, CaseId other, UserId actor, Instant now) {
        return unjudged(file).map(of -> new CaseEvent(file.id(), now, actor, new EventData.DuplicateJudged(of, of.equals(other))));
    }

    /** The verdict a merge gives {@code file}'s unjudged flag only when {@code other} is the case it flagged: right. */
    static Optional<CaseEvent> confirmedByMerge(CaseFile file, CaseId other, UserId actor, Instant now) {
        return unjudged(file).filter(other::equals).flatMap(of -> judgedByMerge(file, of, actor, now));
    }

    /**
     * One side of a merge, {@code after} with its {@code events}, and the {@code verdict} it gives the
     * case's flag if any: on the timeline and announced, the flag marked judged, its message redrawn;
     * then the {@code more} effects.
     */
    static Decision.Applied merged(CaseFile after, List<CaseEvent> events, Optional<CaseEvent> verdict, List<SlackEffect> more) {
        List<CaseEvent> all = new ArrayList<>(events);
        verdict.ifPresent(all::add);
        List<SlackEffect> effects = new ArrayList<>(SlackEffect.forChange(after.id(), all));
        if (verdict.isPresent()) effects.add(new SlackEffect.UpdateSimilar(after.id()));
        effects.addAll(more);
        return new Decision.Applied(verdict.isPresent() ? after.withSlaAlert(JUDGED) : after, all, effects);
    }
}
