package app.escalate.commands;

import java.util.List;
import java.util.Optional;

/** A sub-command that acts on one case: the one of the channel it is typed in, or the one it names. */
public sealed interface CaseAction {

    /**
     * Whether this steers the case: only those who may steer it (owner, on-call, {@code responders})
     * do it, and doing it makes them one of the case's people (who see it when it is restricted and
     * may ask for its drafts). Adding a note or a task, or watching, does not: anyone who can see a
     * public case may do those, and that must not widen whom it belongs to.
     */
    default boolean steers() {
        return this instanceof Steering;
    }

    /** The sub-commands that steer a case (see {@link #steers()}). */
    sealed interface Steering extends CaseAction {
    }

    record Acknowledge() implements Steering {
    }

    record SetSeverity(Severity to, Optional<String> reason) implements Steering {
    }

    record MoveTo(CaseState to) implements Steering {
    }

    record SetOwner(UserId owner) implements Steering {
    }

    /** {@code set <field> <value>}: one of the case type's fields; with no field, the type's fields are listed. */
    record SetField(Optional<String> field, String value) implements CaseAction {
    }

    /**
     * {@code decide <decision> because <rationale> [instead of <alternative>]… [needs: <group>, …]}: a decision
     * on record, waiting for one member of each named group to sign it off.
     */
    record Decide(String text, String rationale, List<String> alternatives, List<String> needs) implements Steering {
        public Decide {
            alternatives = List.copyOf(alternatives);
            needs = List.copyOf(needs);
        }
    }

    /** {@code decide override <n> because <reason>}: the decider lets decision {@code n} stand over an objection. */
    record OverrideDecision(int number, String reason) implements CaseAction {
    }

    /**
     * A sign-off button: approve decision {@code number}, or object to it with {@code reason}, for the
     * named groups the person belongs to. {@code messageTs} is the request's message, so it can lose its buttons.
     */
    record SignOffDecision(int number, SignOff.Verdict verdict, Optional<String> reason, Optional<String> messageTs) implements CaseAction {
    }

    /** {@code decisions}: the case's decisions with where each stands. */
    record ListDecisions() implements CaseAction {
    }

    record AddNote(String text) implements CaseAction {
    }

    record AddTask(String text, Optional<UserId> assignee) implements CaseAction {
    }

    record CompleteTask(int number) implements CaseAction {
    }

    record ListTasks() implements CaseAction {
    }

    record LoopIn(String group) implements Steering {
    }

    /** {@code /esc page @person|<group> <reason>}: page one person, or a group's first member (then its next, unanswered). */
    record PageSomeone(Optional<UserId> person, Optional<String> group, String reason) implements Steering {
    }

    /** The Acknowledge page button of page {@code page}: only its person may press it. */
    record AcknowledgePage(int page) implements CaseAction {
    }

    record Resolve(String resolution, Optional<String> rootCause) implements Steering {
    }

    record Reopen() implements Steering {
    }

    /** Newest first, {@code page} counted from 1. */
    record ShowTimeline(int page) implements CaseAction {
    }

    record DraftRca() implements CaseAction {
    }

    /** An executive summary drafted for review. */
    record DraftSummary() implements CaseAction {
    }

    /** Flag the case for the next handoff digests ({@code on}), or take the flag off. */
    record Watch(boolean on) implements CaseAction {
    }

    /** Walk the case type's decision tree from its first question, in the case channel. */
    record StartRunbook() implements Steering {
    }

    /** Answer the decision tree's open {@code question} with its answer numbered {@code answer} (from 0). */
    record AnswerRunbook(String question, int answer) implements Steering {
    }

    /**
     * Triage's suggestion for the case, made after it was opened: recorded, and applied when the
     * routing rules allow; {@code shadowPrompt}, the prompt version on trial's answer, only recorded.
     */
    record Triage(SuggestedTriage suggested, Optional<SuggestedTriage> shadowPrompt) implements CaseAction {
        public Triage(SuggestedTriage suggested) {
            this(suggested, Optional.empty());
        }
    }

    /**
     * A person's verdict on the case's triage suggestion; {@code type} and {@code severity} are theirs, for {@code CHANGED}.
     * {@code messageTs} is the suggestion's message, when known, so it can lose its buttons.
     */
    record JudgeTriage(TriageVerdict verdict, Optional<String> type, Optional<Severity> severity,
                       Optional<String> messageTs) implements Steering {
    }

    /**
     * {@code deadline <name> <when>}: a deadline of the case's own, or one of its type's moved. A
     * time of day is the asker's, read in their zone before the handler sees it ({@link When.Exactly}).
     */
    record SetDeadline(String name, When when) implements CaseAction {
    }

    /** When a deadline falls: a local date and time (in the asker's zone), an instant, or a while from now. */
    sealed interface When {
        record Local(java.time.LocalDateTime at) implements When {
        }

        record Exactly(java.time.Instant at) implements When {
        }

        record In(java.time.Duration after) implements When {
        }
    }

    record CompleteDeadline(String name) implements CaseAction {
    }

    record DropDeadline(String name, String reason) implements CaseAction {
    }

    record ListDeadlines() implements CaseAction {
    }

    /** {@code merge ESC-<n>}: this case is a duplicate of {@code into}; it is resolved and its work moves there. */
    /**
     * {@code merge ESC-<n>}: this case duplicates {@code into}. {@code fromFlag}: asked from the
     * duplicate flag's button, which merges only into the case flagged.
     */
    record Merge(CaseId into, boolean fromFlag) implements Steering {
        public Merge(CaseId into) {
            this(into, false);
        }
    }

    /** The flag that this case duplicates {@code of} is wrong (the *Not a duplicate* button). */
    record NotDuplicate(CaseId of) implements CaseAction {
    }

    /** Why the AI was overridden: {@code subject} ({@code draft:<id>}, {@code triage}) tagged with the failure mode {@code mode}. */
    record TagFailure(String subject, String mode) implements CaseAction {
    }

    /** "The tree was wrong here": the case type's decision tree marked wrong at its question {@code question} (an id). */
    record FlagRunbook(String question) implements CaseAction {
    }

    /** {@code /esc tag}: the case's overrides of the AI, each with its tag and the buttons to set or change it. */
    record ListOverrides() implements CaseAction {
    }

    /** The cases found most like this one after it opened, and the open one flagged as its likely duplicate. */
    record RecordSimilar(List<CaseId> similar, Optional<CaseId> duplicateOf) implements CaseAction {
        public RecordSimilar {
            similar = List.copyOf(similar);
        }
    }

    /** {@code link ESC-<n>} / {@code unlink ESC-<n>}: related cases, both ways. */
    record Link(CaseId other, boolean linked) implements CaseAction {
    }
}
