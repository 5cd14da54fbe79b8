package app.escalate.commands.summary;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.EventData;
import app.escalate.commands.UserId;
import app.escalate.commands.SignOff;
import app.escalate.commands.fields.TypeFields;
import app.escalate.config.Policy;
import app.escalate.config.RootCause;

import java.util.Optional;
import java.util.stream.Collectors;

/** A timeline event as one plain line for a prompt: who did what, with the values, people as {@code <@U…>}. */
final class EventLines {
    private EventLines() {
    }

    static String of(CaseEvent e, Policy policy) {
        return e.accept(new Line(mention(e.actor()), policy));
    }

    /** The event as a key moment, without the free text people typed (notes, reasons, descriptions); empty for notes and tasks. */
    static Optional<String> keyMoment(CaseEvent e, Policy policy) {
        return e.accept(new KeyMoment(mention(e.actor()), new Line(mention(e.actor()), policy)));
    }

    private static String mention(UserId user) {
        return "<@" + user.value() + ">";
    }

    private record Line(String who, Policy policy) implements EventData.Visitor<String> {
        public String opened(EventData.Opened e) {
            return who + " opened the case as " + e.severity() + ": " + e.title() + e.description().map(d -> ". Description: " + d).orElse("");
        }

        public String acknowledged(EventData.Acknowledged e) {
            return who + " acknowledged";
        }

        public String severityChanged(EventData.SeverityChanged e) {
            return who + " changed severity " + e.from() + " to " + e.to() + e.reason().map(r -> " because " + r).orElse("");
        }

        public String stateChanged(EventData.StateChanged e) {
            return who + " moved the case from " + e.from().label() + " to " + e.to().label();
        }

        public String ownerChanged(EventData.OwnerChanged e) {
            return who + " made " + mention(e.to()) + " the owner";
        }

        public String noteAdded(EventData.NoteAdded e) {
            return who + " noted: " + e.text();
        }

        /** A restricted field's value never goes to a model: that it was set does. */
        public String fieldSet(EventData.FieldSet e) {
            return (e.byTriage() ? "AI triage" : who) + " set " + e.label() + (TypeFields.restricted(policy, e.field()) ? " (restricted: not shown)" : " to " + e.to());
        }

        public String taskAdded(EventData.TaskAdded e) {
            return who + " added task " + e.task() + ": " + e.text();
        }

        public String taskDone(EventData.TaskDone e) {
            return who + " completed task " + e.task() + ": " + e.text();
        }

        public String groupLooped(EventData.GroupLooped e) {
            return who + " looped in " + e.group();
        }

        public String resolved(EventData.Resolved e) {
            return who + " resolved the case: " + e.resolution() + e.rootCause()
                    .map(id -> " (root cause: " + policy.rootCause(id).map(RootCause::label).orElse(id) + ")").orElse("");
        }

        public String reopened(EventData.Reopened e) {
            return who + " reopened the case";
        }

        public String messagePinned(EventData.MessagePinned e) {
            return who + " pinned a message: " + e.text();
        }

        public String paged(EventData.Paged e) {
            return mention(e.user()) + " was paged as " + e.level() + " on call";
        }

        public String chainEnded(EventData.ChainEnded e) {
            return "everyone in the escalation chain was paged and nobody acknowledged";
        }

        public String watched(EventData.Watched e) {
            return who + " flagged the case for the next handoff";
        }

        public String unwatched(EventData.Unwatched e) {
            return who + " took the case off the handoff watch list";
        }

        public String summaryPosted(EventData.SummaryPosted e) {
            return who + " posted the " + e.draftKind().noun() + (e.leadership() ? " to leadership" : "");
        }

        public String summaryNotPosted(EventData.SummaryNotPosted e) {
            return "the " + e.draftKind().noun() + " approved by " + who + " was not posted" + (e.leadership() ? " to leadership" : "")
                    + ": Slack answered " + e.error();
        }

        public String slackRefused(EventData.SlackRefused e) {
            return "Slack refused " + e.what() + ": " + e.error();
        }

        public String slaWarning(EventData.SlaWarning e) {
            return e.percent() + "% of the " + e.clock() + " SLA had run";
        }

        public String slaBreached(EventData.SlaBreached e) {
            return "the " + e.clock() + " SLA was breached";
        }

        public String slaMet(EventData.SlaMet e) {
            return "the " + String.join(",", e.clocks()) + " SLA had been met before the case went back";
        }

        public String runbookStarted(EventData.RunbookStarted e) {
            return who + " started the " + e.caseType() + " runbook";
        }

        public String runbookAnswered(EventData.RunbookAnswered e) {
            return who + " answered the runbook question \"" + e.question() + "\": " + e.answer()
                    + e.guidance().map(g -> " (guidance: " + g + ")").orElse("");
        }

        public String triageSuggested(EventData.TriageSuggested e) {
            return "triage (" + e.suggested().source() + ") suggested " + e.suggestion().typeId().orElse("no type")
                    + ", " + e.suggestion().severity().value() + (e.applied() ? ", applied by rule " + e.rule().orElse("") : ", held for a person");
        }

        public String triageJudged(EventData.TriageJudged e) {
            return who + " " + e.verdict().verb() + " the triage suggestion: " + e.from() + " → " + e.to();
        }

        public String deadlineSet(EventData.DeadlineSet e) {
            return who + (e.before().isPresent() ? " moved the deadline " + e.name() + " from " + e.before().get() + " to " : " set the deadline "
                    + e.name() + " for ") + e.due();
        }

        public String deadlineDone(EventData.DeadlineDone e) {
            return who + " marked the deadline " + e.name() + " done, " + (e.met() ? "in time" : "late") + " (due " + e.due() + ")";
        }

        public String deadlineDropped(EventData.DeadlineDropped e) {
            return who + " dropped the deadline " + e.name() + " (due " + e.due() + ") because " + e.reason();
        }

        public String deadlineWarning(EventData.DeadlineWarning e) {
            return "the deadline " + e.name() + " was near (due " + e.due() + ")";
        }

        public String deadlineBreached(EventData.DeadlineBreached e) {
            return "the deadline " + e.name() + " was missed (due " + e.due() + ")";
        }

        public String reportedAgain(EventData.ReportedAgain e) {
            return "the source " + e.source() + " reported it again";
        }

        public String similarFound(EventData.SimilarFound e) {
            return e.duplicateOf().map(d -> "the bot flagged it as a likely duplicate of " + d).orElse("the bot listed similar cases");
        }

        public String duplicateJudged(EventData.DuplicateJudged e) {
            return who + (e.confirmed() ? " confirmed it duplicates " : " judged it not a duplicate of ") + e.of();
        }

        public String pageRequested(EventData.PageRequested e) {
            return who + " paged " + mention(e.person()) + ": " + e.reason();
        }

        public String pageHeld(EventData.PageHeld e) {
            return mention(e.person()) + "'s page waited for the end of their quiet hours";
        }

        public String pageAcknowledged(EventData.PageAcknowledged e) {
            return mention(e.person()) + " acknowledged the page";
        }

        public String pageUnanswered(EventData.PageUnanswered e) {
            return mention(e.person()) + " did not acknowledge the page within " + e.after().toMinutes() + " min";
        }

        public String pagerCalled(EventData.PagerCalled e) {
            return "the " + e.pager() + " pager was told to " + e.action();
        }

        public String pageStepTaken(EventData.PageStepTaken e) {
            return mention(e.person()) + " was paged by " + e.via();
        }

        public String runbookFlagged(EventData.RunbookFlagged e) {
            return who + " marked the runbook's decision tree wrong at: " + e.ask();
        }

        public String failureTagged(EventData.FailureTagged e) {
            return who + " tagged why the AI " + e.surface() + " was overridden: " + e.label();
        }

        public String decisionTaken(EventData.DecisionTaken e) {
            return who + " decided (#" + e.decision() + "): " + e.text() + ", because " + e.rationale()
                    + e.alternatives().stream().map(a -> ", instead of " + a).collect(Collectors.joining())
                    + (e.needs().isEmpty() ? "" : "; needs sign-off from " + String.join(", ", e.needs()));
        }

        public String decisionSigned(EventData.DecisionSigned e) {
            String verb = e.verdict() == SignOff.Verdict.APPROVED ? " approved" : " objected to";
            return who + verb + " decision #" + e.decision() + " for " + String.join(", ", e.groups())
                    + e.reason().map(r -> ": " + r).orElse("") + " (now " + e.status().label() + ")";
        }

        public String decisionOverridden(EventData.DecisionOverridden e) {
            return who + " overrode the objection to decision #" + e.decision() + ": " + e.reason();
        }

        public String signOffReminded(EventData.SignOffReminded e) {
            return "decision #" + e.decision() + " still waits for sign-off from " + String.join(", ", e.groups()) + "; they were reminded";
        }

        public String caseLinked(EventData.CaseLinked e) {
            return who + " linked the case to " + e.other() + " as related";
        }

        public String caseUnlinked(EventData.CaseUnlinked e) {
            return who + " unlinked " + e.other();
        }

        public String mergedInto(EventData.MergedInto e) {
            return who + " merged the case into " + e.into() + " as a duplicate" + (e.tasksMoved() > 0 ? ", moving " + e.tasksMoved() + " open tasks" : "");
        }

        public String duplicateMerged(EventData.DuplicateMerged e) {
            return who + " merged duplicate " + e.from() + " into the case" + (e.tasksMoved() > 0 ? ", with " + e.tasksMoved() + " open tasks" : "");
        }
    }

    /** Only what changed the case's course, each without the words people typed. */
    private record KeyMoment(String who, Line line) implements EventData.Visitor<Optional<String>> {
        public Optional<String> opened(EventData.Opened e) {
            return Optional.of(who + " opened the case as " + e.severity());
        }

        public Optional<String> acknowledged(EventData.Acknowledged e) {
            return Optional.of(line.acknowledged(e));
        }

        public Optional<String> severityChanged(EventData.SeverityChanged e) {
            return Optional.of(who + " changed severity " + e.from() + " to " + e.to());
        }

        public Optional<String> stateChanged(EventData.StateChanged e) {
            return Optional.of(line.stateChanged(e));
        }

        public Optional<String> ownerChanged(EventData.OwnerChanged e) {
            return Optional.of(line.ownerChanged(e));
        }

        public Optional<String> decisionTaken(EventData.DecisionTaken e) {
            return Optional.of(who + " took decision #" + e.decision() + (e.needs().isEmpty() ? "" : ", for sign-off by " + String.join(", ", e.needs())));
        }

        public Optional<String> decisionSigned(EventData.DecisionSigned e) {
            String verb = e.verdict() == SignOff.Verdict.APPROVED ? " approved" : " objected to";
            return Optional.of(who + verb + " decision #" + e.decision() + " for " + String.join(", ", e.groups()) + " (now " + e.status().label() + ")");
        }

        public Optional<String> decisionOverridden(EventData.DecisionOverridden e) {
            return Optional.of(who + " overrode the objection to decision #" + e.decision());
        }

        public Optional<String> signOffReminded(EventData.SignOffReminded e) {
            return Optional.empty();
        }

        public Optional<String> noteAdded(EventData.NoteAdded e) {
            return Optional.empty();
        }

        public Optional<String> fieldSet(EventData.FieldSet e) {
            return Optional.empty();
        }

        public Optional<String> taskAdded(EventData.TaskAdded e) {
            return Optional.empty();
        }

        public Optional<String> taskDone(EventData.TaskDone e) {
            return Optional.empty();
        }

        public Optional<String> groupLooped(EventData.GroupLooped e) {
            return Optional.of(line.groupLooped(e));
        }

        public Optional<String> resolved(EventData.Resolved e) {
            return Optional.of(who + " resolved the case");
        }

        public Optional<String> reopened(EventData.Reopened e) {
            return Optional.of(line.reopened(e));
        }

        public Optional<String> messagePinned(EventData.MessagePinned e) {
            return Optional.empty();
        }

        public Optional<String> paged(EventData.Paged e) {
            return Optional.empty();
        }

        public Optional<String> chainEnded(EventData.ChainEnded e) {
            return Optional.empty();
        }

        public Optional<String> watched(EventData.Watched e) {
            return Optional.empty();
        }

        public Optional<String> unwatched(EventData.Unwatched e) {
            return Optional.empty();
        }

        public Optional<String> summaryPosted(EventData.SummaryPosted e) {
            return Optional.of(line.summaryPosted(e));
        }

        public Optional<String> summaryNotPosted(EventData.SummaryNotPosted e) {
            return Optional.empty();
        }

        public Optional<String> slackRefused(EventData.SlackRefused e) {
            return Optional.empty();
        }

        public Optional<String> slaWarning(EventData.SlaWarning e) {
            return Optional.empty();
        }

        public Optional<String> slaBreached(EventData.SlaBreached e) {
            return Optional.of(line.slaBreached(e));
        }

        public Optional<String> slaMet(EventData.SlaMet e) {
            return Optional.empty();
        }

        public Optional<String> runbookStarted(EventData.RunbookStarted e) {
            return Optional.empty();
        }

        public Optional<String> runbookAnswered(EventData.RunbookAnswered e) {
            return Optional.empty();
        }

        public Optional<String> triageSuggested(EventData.TriageSuggested e) {
            return e.applied() ? Optional.of(line.triageSuggested(e)) : Optional.empty();
        }

        public Optional<String> triageJudged(EventData.TriageJudged e) {
            return Optional.of(line.triageJudged(e));
        }

        public Optional<String> deadlineSet(EventData.DeadlineSet e) {
            return Optional.of(line.deadlineSet(e));
        }

        public Optional<String> deadlineDone(EventData.DeadlineDone e) {
            return Optional.of(line.deadlineDone(e));
        }

        public Optional<String> deadlineDropped(EventData.DeadlineDropped e) {
            return Optional.of(who + " dropped the deadline " + e.name());
        }

        public Optional<String> deadlineWarning(EventData.DeadlineWarning e) {
            return Optional.empty();
        }

        public Optional<String> deadlineBreached(EventData.DeadlineBreached e) {
            return Optional.of(line.deadlineBreached(e));
        }

        public Optional<String> caseLinked(EventData.CaseLinked e) {
            return Optional.empty();
        }

        public Optional<String> caseUnlinked(EventData.CaseUnlinked e) {
            return Optional.empty();
        }

        public Optional<String> mergedInto(EventData.MergedInto e) {
            return Optional.of(line.mergedInto(e));
        }

        public Optional<String> duplicateMerged(EventData.DuplicateMerged e) {
            return Optional.of(line.duplicateMerged(e));
        }

        public Optional<String> reportedAgain(EventData.ReportedAgain e) {
            return Optional.empty();
        }

        public Optional<String> similarFound(EventData.SimilarFound e) {
            return Optional.empty();
        }

        public Optional<String> duplicateJudged(EventData.DuplicateJudged e) {
            return Optional.empty();
        }

        public Optional<String> pageRequested(EventData.PageRequested e) {
            return Optional.empty();
        }

        public Optional<String> pageHeld(EventData.PageHeld e) {
            return Optional.empty();
        }

        public Optional<String> pageAcknowledged(EventData.PageAcknowledged e) {
            return Optional.empty();
        }

        public Optional<String> pageUnanswered(EventData.PageUnanswered e) {
            return Optional.empty();
        }

        public Optional<String> pagerCalled(EventData.PagerCalled e) {
            return Optional.empty();
        }

        public Optional<String> pageStepTaken(EventData.PageStepTaken e) {
            return Optional.empty();
        }

        public Optional<String> runbookFlagged(EventData.RunbookFlagged e) {
            return Optional.empty();
        }

        public Optional<String> failureTagged(EventData.FailureTagged e) {
            return Optional.empty();
        }
    }
}
