package app.escalate.commands;

import java.util.Optional;

/** A sub-command that acts on one case: the one of the channel it is typed in, or the one it names. */
public sealed interface CaseAction {

    record Acknowledge() implements CaseAction {
    }

    record SetSeverity(Severity to, Optional<String> reason) implements CaseAction {
    }

    record MoveTo(CaseState to) implements CaseAction {
    }

    record SetOwner(UserId owner) implements CaseAction {
    }

    record AddNote(String text) implements CaseAction {
    }

    record AddTask(String text, Optional<UserId> assignee) implements CaseAction {
    }

    record CompleteTask(int number) implements CaseAction {
    }

    record ListTasks() implements CaseAction {
    }

    record LoopIn(String group) implements CaseAction {
    }

    record Resolve(String resolution, Optional<String> rootCause) implements CaseAction {
    }

    record Reopen() implements CaseAction {
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
    record StartRunbook() implements CaseAction {
    }

    /** Answer the decision tree's open {@code question} with its answer numbered {@code answer} (from 0). */
    record AnswerRunbook(String question, int answer) implements CaseAction {
    }

    /** Triage's suggestion for the case, made after it was opened: recorded, and applied when the routing rules allow. */
    record Triage(app.escalate.commands.triage.Triager.Suggested suggested) implements CaseAction {
    }

    /**
     * A person's verdict on the case's triage suggestion; {@code type} and {@code severity} are theirs, for {@code CHANGED}.
     * {@code messageTs} is the suggestion's message, when known, so it can lose its buttons.
     */
    record JudgeTriage(app.escalate.commands.triage.TriageVerdict verdict, Optional<String> type, Optional<Severity> severity,
                       Optional<String> messageTs) implements CaseAction {
    }
}
