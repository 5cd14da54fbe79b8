package app.escalate.commands.summary;

import app.escalate.commands.CaseId;
import app.escalate.commands.DraftKind;
import app.escalate.commands.DriftAlerts;
import app.escalate.commands.SlackEffect;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Where drafts, their reviews and the exec-update reminders are kept; and the alerts on AI verdicts elsewhere. */
public interface DraftStore extends DriftAlerts {

    /**
     * Stores the draft written for {@code request} and what it sets in motion (given the stored
     * draft), in one transaction; when that request's draft is stored already, returns it instead.
     */
    Draft save(NewDraft draft, String request, Function<Draft, List<SlackEffect>> effects);

    /** The draft written for {@code request}, once there is one. */
    Optional<Draft> forRequest(String request);

    Optional<Draft> find(long id);

    /** Runs {@code decide} on the draft, locked; stores the decision, its case events and its effects together. */
    Optional<DraftDecision> decide(long id, Function<Draft, DraftDecision> decide);

    /** Drafts of {@code kind} with a decision, oldest decision first. */
    List<Draft> decided(DraftKind kind);

    /** The case's drafts, oldest first. */
    List<Draft> ofCase(CaseId caseId);

    /** When the case's last draft of {@code kind} was posted. */
    Optional<Instant> lastPosted(CaseId caseId, DraftKind kind);

    /** When the case channel was last reminded that an exec update is due. */
    Optional<Instant> lastReminded(CaseId caseId);

    /** Records the reminder due at {@code dueAt} with its effects; false when it is already recorded (once per due time). */
    boolean remind(CaseId caseId, Instant dueAt, Instant at, List<SlackEffect> effects);

    /** How many decided drafts of {@code kind} there were when the team was last alerted about acceptance; 0 when never. */
    int lastAlertAt(DraftKind kind);

    /** Records an acceptance alert at {@code decidedCount} decisions, with its effects; false when one is already recorded there. */
    boolean alert(DraftKind kind, int decidedCount, Instant at, List<SlackEffect> effects);
}
