package app.escalate.commands;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What a timeline event records, one record per kind. Whatever reads events visits them
 * ({@link Visitor}), so a new kind does not compile until every reader says what it makes of it.
 */
public sealed interface EventData {

    CaseEvent.Kind kind();

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of event. */
    interface Visitor<R> {
        R opened(Opened e);

        R acknowledged(Acknowledged e);

        R severityChanged(SeverityChanged e);

        R stateChanged(StateChanged e);

        R ownerChanged(OwnerChanged e);

        R noteAdded(NoteAdded e);

        R taskAdded(TaskAdded e);

        R taskDone(TaskDone e);

        R groupLooped(GroupLooped e);

        R resolved(Resolved e);

        R reopened(Reopened e);

        R messagePinned(MessagePinned e);

        R paged(Paged e);

        R chainEnded(ChainEnded e);

        R watched(Watched e);

        R unwatched(Unwatched e);

        R summaryPosted(SummaryPosted e);

        R summaryNotPosted(SummaryNotPosted e);

        R slackRefused(SlackRefused e);

        R slaWarning(SlaWarning e);

        R slaBreached(SlaBreached e);

        R slaMet(SlaMet e);

        R runbookStarted(RunbookStarted e);

        R runbookAnswered(RunbookAnswered e);

        R triageSuggested(TriageSuggested e);

        R triageJudged(TriageJudged e);

        R fieldSet(FieldSet e);

        R deadlineSet(DeadlineSet e);

        R deadlineDone(DeadlineDone e);

        R deadlineDropped(DeadlineDropped e);

        R deadlineWarning(DeadlineWarning e);

        R deadlineBreached(DeadlineBreached e);

        R caseLinked(CaseLinked e);

        R caseUnlinked(CaseUnlinked e);

        R mergedInto(MergedInto e);

        R duplicateMerged(DuplicateMerged e);

        R reportedAgain(ReportedAgain e);

        R similarFound(SimilarFound e);

        R duplicateJudged(DuplicateJudged e);

        R failureTagged(FailureTagged e);

        R runbookFlagged(RunbookFlagged e);

        R decisionTaken(DecisionTaken e);

        R decisionSigned(DecisionSigned e);

        R decisionOverridden(DecisionOverridden e);

        R signOffReminded(SignOffReminded e);

        R pageRequested(PageRequested e);

        R pageHeld(PageHeld e);

        R pageAcknowledged(PageAcknowledged e);

        R pageUnanswered(PageUnanswered e);

        R pagerCalled(PagerCalled e);

        R pageStepTaken(PageStepTaken e);
    }

    /** The case as it was opened; {@code description} is what the reporter wrote beyond the title. */
    record Opened(String title, Severity severity, Optional<String> caseType, Optional<String> surface,
                  Optional<String> description) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.OPENED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.opened(this);
        }
    }

    /** {@code after}: how long after opening (absent on events recorded before it was kept). */
    record Acknowledged(Optional<Duration> after) implements EventData {
        public Acknowledged {
            after = after.map(d -> d.truncatedTo(ChronoUnit.SECONDS));   // as precise as it is kept
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.ACKNOWLEDGED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.acknowledged(this);
        }
    }

    record SeverityChanged(Severity from, Severity to, Optional<String> reason) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.SEVERITY_CHANGED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.severityChanged(this);
        }
    }

    record StateChanged(CaseState from, CaseState to) implements EventData {
        /** A move to mitigated or monitoring: when a case was mitigated. */
        public boolean mitigates() {
            return to == CaseState.MITIGATED || to == CaseState.MONITORING;
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.STATE_CHANGED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.stateChanged(this);
        }
    }

    record OwnerChanged(Optional<UserId> from, UserId to) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.OWNER_CHANGED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.ownerChanged(this);
        }
    }

    /**
     * One of the case type's fields set (or changed from {@code from}); {@code label} is what the
     * policy called it then, the value as {@code fields.FieldValue} keeps it. {@code byTriage}: set
     * by AI triage on its own, as the routing rules allowed (its actor is then the reporter, as for
     * the suggestion it came with).
     */
    record FieldSet(String field, String label, Optional<String> from, String to, boolean byTriage) implements EventData {
        public FieldSet(String field, String label, Optional<String> from, String to) {
            this(field, label, from, to, false);
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.FIELD_SET;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.fieldSet(this);
        }
    }

    /** Decision {@code decision} taken: what, why, instead of what, and the groups whose sign-off it needs. */
    record DecisionTaken(int decision, String text, String rationale, List<String> alternatives, List<String> needs) implements EventData {
        public DecisionTaken {
            alternatives = List.copyOf(alternatives);
            needs = List.copyOf(needs);
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.DECISION_TAKEN;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.decisionTaken(this);
        }
    }

    /**
     * A member answered for {@code groups} (each named group they belong to that was still waiting):
     * approved, or objected with {@code reason}; {@code status} is where the decision stands after it.
     */
    record DecisionSigned(int decision, String text, List<String> groups, SignOff.Verdict verdict, Optional<String> reason,
                          CaseDecision.Status status) implements EventData {
        public DecisionSigned {
            groups = List.copyOf(groups);
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.DECISION_SIGNED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.decisionSigned(this);
        }
    }

    /** The decider overrode the objection to decision {@code decision}, saying why: it stands. */
    record DecisionOverridden(int decision, String text, String reason) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.DECISION_OVERRIDDEN;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.decisionOverridden(this);
        }
    }

    /** The groups still to sign decision {@code decision} off were reminded (once), naming their {@code people}. */
    record SignOffReminded(int decision, String text, List<String> groups, List<UserId> people) implements EventData {
        public SignOffReminded {
            groups = List.copyOf(groups);
            people = List.copyOf(people);
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.SIGN_OFF_REMINDED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.signOffReminded(this);
        }
    }

    record NoteAdded(String text) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.NOTE_ADDED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.noteAdded(this);
        }
    }

    record TaskAdded(int task, String text, Optional<UserId> assignee) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.TASK_ADDED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.taskAdded(this);
        }
    }

    record TaskDone(int task, String text) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.TASK_DONE;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.taskDone(this);
        }
    }

    /** A stakeholder group looped in, and who of it was briefed. */
    record GroupLooped(String group, List<UserId> members) implements EventData {
        public GroupLooped {
            members = List.copyOf(members);
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.GROUP_LOOPED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.groupLooped(this);
        }
    }

    /** Resolved from state {@code from}; {@code rootCause} is a policy root-cause id. */
    record Resolved(CaseState from, String resolution, Optional<String> rootCause) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.RESOLVED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.resolved(this);
        }
    }

    /** Reopened into {@code to}; {@code resolution} is the one taken back. */
    record Reopened(CaseState from, CaseState to, String resolution) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.REOPENED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.reopened(this);
        }
    }

    /** A message pinned in the case channel: its ts (how it is told apart), author, text and link. */
    record MessagePinned(String ts, Optional<UserId> author, String text, Optional<String> permalink) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.MESSAGE_PINNED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.messagePinned(this);
        }
    }

    /** {@code user} paged at {@code level} of {@code rotation}; {@code unacknowledgedFor} is set for an escalation. */
    record Paged(UserId user, String level, String rotation, Optional<Duration> unacknowledgedFor) implements EventData {
        public Paged {
            unacknowledgedFor = unacknowledgedFor.map(d -> d.truncatedTo(ChronoUnit.MINUTES));   // as precise as it is kept
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.PAGED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.paged(this);
        }
    }

    record ChainEnded(Duration unacknowledgedFor) implements EventData {
        public ChainEnded {
            unacknowledgedFor = unacknowledgedFor.truncatedTo(ChronoUnit.MINUTES);
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.CHAIN_ENDED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.chainEnded(this);
        }
    }

    record Watched() implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.WATCHED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.watched(this);
        }
    }

    record Unwatched() implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.UNWATCHED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.unwatched(this);
        }
    }

    /**
     * Draft {@code draft} posted to channel {@code to} (leadership's, or the case's). {@code confirmed}
     * is what the reviewer confirmed before posting, and {@code why} their reason.
     */
    record SummaryPosted(DraftKind draftKind, long draft, String to, boolean leadership, boolean edited,
                         Optional<String> confirmed, Optional<String> why) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.SUMMARY_POSTED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.summaryPosted(this);
        }
    }

    /** A post of draft {@code draft} that Slack refused: its {@code error}, and the scope it named as {@code needed}. */
    record SummaryNotPosted(DraftKind draftKind, long draft, String to, boolean leadership, String error,
                            Optional<String> needed) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.SUMMARY_NOT_POSTED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.summaryNotPosted(this);
        }
    }

    /**
     * Slack refused for good {@code what} the case needed (e.g. "creating the case channel"): its
     * {@code error}, and the scope it named as {@code needed}. The actor is whoever's doing it was.
     */
    record SlackRefused(String what, String error, Optional<String> needed) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.SLACK_REFUSED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.slackRefused(this);
        }
    }

    /** {@code percent} of SLA {@code clock} has run; it is due at {@code due}; {@code notified} were told. */
    record SlaWarning(String clock, Instant due, int percent, List<UserId> notified) implements EventData {
        public SlaWarning {
            notified = List.copyOf(notified);
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.SLA_WARNING;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.slaWarning(this);
        }
    }

    record SlaBreached(String clock, Instant due) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.SLA_BREACHED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.slaBreached(this);
        }
    }

    /** SLA clocks met before the case went back to an earlier state, so not raised again. */
    record SlaMet(List<String> clocks) implements EventData {
        public SlaMet {
            clocks = List.copyOf(clocks);
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.SLA_MET;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.slaMet(this);
        }
    }

    record RunbookStarted(String caseType) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.RUNBOOK_STARTED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.runbookStarted(this);
        }
    }

    /** A runbook question answered; {@code end} when the answer ends the runbook. */
    record RunbookAnswered(String question, String answer, Optional<String> guidance, boolean end) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.RUNBOOK_ANSWERED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.runbookAnswered(this);
        }
    }

    /**
     * What triage suggested for a new case, and what became of it: applied at once by routing rule
     * {@code rule}, or held for a person ({@code heldBecause}, when a reason is known); and what the
     * shadow rules would have done ({@code shadow}, empty when none matched), and the answer of the
     * prompt version on trial ({@code shadowPrompt}: its type, severity and confidences), neither
     * ever shown.
     */
    record TriageSuggested(SuggestedTriage suggested, boolean applied, Optional<String> rule,
                           Optional<String> heldBecause, Optional<ShadowRoute> shadow, Optional<TrialAnswer> shadowPrompt) implements EventData {
        /** A suggestion no shadow rule matched. */
        public TriageSuggested(SuggestedTriage suggested, boolean applied, Optional<String> rule, Optional<String> heldBecause) {
            this(suggested, applied, rule, heldBecause, Optional.empty());
        }

        /** A suggestion with no prompt on trial beside it. */
        public TriageSuggested(SuggestedTriage suggested, boolean applied, Optional<String> rule, Optional<String> heldBecause,
                               Optional<ShadowRoute> shadow) {
            this(suggested, applied, rule, heldBecause, shadow, Optional.empty());
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.TRIAGE_SUGGESTED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.triageSuggested(this);
        }

        public Suggestion suggestion() {
            return suggested.suggestion();
        }
    }

    /** A person's verdict on a suggestion; {@code from} and {@code to} are the case's type and severity before and after. */
    record TriageJudged(TriageVerdict verdict, String from, String to, Optional<String> suggestedType,
                        Severity suggestedSeverity) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.TRIAGE_JUDGED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.triageJudged(this);
        }
    }

    /** Deadline {@code name} is now due at {@code due}; {@code before} is when it was due until now (moved), if it was. */
    record DeadlineSet(String name, Instant due, Optional<Instant> before) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.DEADLINE_SET;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.deadlineSet(this);
        }
    }

    /** Deadline {@code name}, due at {@code due}, was done: {@code met} when in time. */
    record DeadlineDone(String name, Instant due, boolean met) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.DEADLINE_DONE;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.deadlineDone(this);
        }
    }

    /** Deadline {@code name} no longer applies, and why. */
    record DeadlineDropped(String name, Instant due, String reason) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.DEADLINE_DROPPED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.deadlineDropped(this);
        }
    }

    /** Deadline {@code name} is due at {@code due} and has reached its warning time; {@code notified} were told. */
    record DeadlineWarning(String name, Instant due, List<UserId> notified) implements EventData {
        public DeadlineWarning {
            notified = List.copyOf(notified);
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.DEADLINE_WARNING;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.deadlineWarning(this);
        }
    }

    record DeadlineBreached(String name, Instant due) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.DEADLINE_BREACHED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.deadlineBreached(this);
        }
    }

    /** The case is now linked to {@code other} as related (recorded on both). */
    record CaseLinked(CaseId other) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.CASE_LINKED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.caseLinked(this);
        }
    }

    record CaseUnlinked(CaseId other) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.CASE_UNLINKED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.caseUnlinked(this);
        }
    }

    /** This case was a duplicate of {@code into}: resolved, its work ({@code tasksMoved} open tasks) moved there. */
    record MergedInto(CaseId into, int tasksMoved) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.MERGED_INTO;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.mergedInto(this);
        }
    }

    /** Duplicate {@code from} was merged into this case: its people {@code invited}, its open tasks moved here. */
    record DuplicateMerged(CaseId from, List<UserId> invited, int tasksMoved) implements EventData {
        public DuplicateMerged {
            invited = List.copyOf(invited);
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.DUPLICATE_MERGED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.duplicateMerged(this);
        }
    }

    /**
     * The cases most like this one when it was opened, best first ({@code similar}, shown in its
     * channel), and the open one flagged as its likely duplicate, if any.
     */
    record SimilarFound(List<CaseId> similar, Optional<CaseId> duplicateOf) implements EventData {
        public SimilarFound {
            similar = List.copyOf(similar);
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.SIMILAR_FOUND;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.similarFound(this);
        }
    }

    /** A person judged the flag that this case duplicates {@code of}: merged into it ({@code confirmed}), or not a duplicate. */
    record DuplicateJudged(CaseId of, boolean confirmed) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.DUPLICATE_JUDGED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.duplicateJudged(this);
        }
    }

    /** A machine {@code source} reported the open case again (its dedup key); the card counts these. */
    record ReportedAgain(String source) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.REPORTED_AGAIN;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.reportedAgain(this);
        }
    }

    /**
     * A person said why the AI was wrong: the override {@code subject} ({@code draft:<id>},
     * {@code triage}) of the AI {@code surface} (summary, rca, triage) tagged with the failure mode
     * {@code mode} ({@code label} as it read then), kept with the {@code version} that answered
     * (prompt version, or the triage's source and prompt) and the routing {@code rule} that applied
     * it, if any. A later tag of the same subject replaces this one.
     */
    record FailureTagged(String surface, String subject, String version, Optional<String> rule, String mode, String label)
            implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.AI_FAILURE_TAGGED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.failureTagged(this);
        }
    }

    /** A person marked the decision tree of {@code caseType} wrong at its question {@code questionId} ({@code ask}, as it read then). */
    record RunbookFlagged(String caseType, String questionId, String ask) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.RUNBOOK_FLAGGED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.runbookFlagged(this);
        }
    }

    /** Someone asked for {@code person} with {@code /esc page} (from {@code group}, when they named one), saying why. */
    record PageRequested(int page, UserId person, Optional<String> group, String reason) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.PAGE_REQUESTED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.pageRequested(this);
        }
    }

    /** A page waits for the end of its person's quiet hours (only a SEV1 breaks them). */
    record PageHeld(int page, UserId person, Instant until) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.PAGE_HELD;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.pageHeld(this);
        }
    }

    /** The person paged with {@code /esc page} said they have it, {@code after} the page began. */
    record PageAcknowledged(int page, UserId person, Duration after) implements EventData {
        public PageAcknowledged {
            after = after.truncatedTo(ChronoUnit.SECONDS);
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.PAGE_ACKNOWLEDGED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.pageAcknowledged(this);
        }
    }

    /** Nobody answered a page asked for within the severity's ack time; {@code next} is whom it climbed to in its group. */
    record PageUnanswered(int page, UserId person, Duration after, Optional<String> group, Optional<UserId> next) implements EventData {
        public PageUnanswered {
            after = after.truncatedTo(ChronoUnit.MINUTES);
        }

        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.PAGE_UNANSWERED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.pageUnanswered(this);
        }
    }

    /**
     * One try at telling a pager ({@code pagerduty} or {@code webhook}) to {@code action} (trigger,
     * acknowledge, resolve) the incident {@code dedupKey}: {@code outcome} is its answer, and
     * {@code delivered} whether that was the end of it (a refusal or an outage is tried again).
     */
    record PagerCalled(int page, String pager, String action, String dedupKey, int attempt, String outcome, boolean delivered)
            implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.PAGER_CALLED;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.pagerCalled(this);
        }
    }

    /** A page climbed one of its person's notify steps: {@code via} slack, pagerduty or webhook, step {@code step} (from 1). */
    record PageStepTaken(int page, UserId person, String via, int step) implements EventData {
        public CaseEvent.Kind kind() {
            return CaseEvent.Kind.PAGE_STEP_TAKEN;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.pageStepTaken(this);
        }
    }
}
