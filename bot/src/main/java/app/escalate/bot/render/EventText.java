package app.escalate.bot.render;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;
import app.escalate.commands.CaseDecision;
import app.escalate.commands.MachineReporter;
import app.escalate.commands.SignOff;
import app.escalate.config.CaseField;
import app.escalate.config.Policy;
import app.escalate.config.RootCause;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One timeline event as one line of mrkdwn, every value from a person escaped. */
public final class EventText {
    private final Policy policy;

    public EventText(Policy policy) {
        this.policy = policy;
    }

    public String line(CaseEvent e) {
        // A machine's reports stand in the name of no Slack user.
        return e.accept(new Line(MachineReporter.is(e.actor()) ? "A machine source" : Mrkdwn.user(e.actor().value())));
    }

    private final class Line implements EventData.Visitor<String> {
        private final String who;

        Line(String who) {
            this.who = who;
        }

        public String opened(EventData.Opened e) {
            return who + " opened the case as " + e.severity() + ": " + Mrkdwn.escape(e.title())
                    + e.description().map(d -> "\n> " + Mrkdwn.escape(clip(d)).replace("\n", "\n> ")).orElse("");
        }

        public String acknowledged(EventData.Acknowledged e) {
            return who + " acknowledged" + e.after().map(d -> " (" + (d.toMinutes() < 1 ? d.toSeconds() + " s" : d.toMinutes() + " min")
                    + " after opening)").orElse("");
        }

        public String severityChanged(EventData.SeverityChanged e) {
            return who + " changed severity " + e.from() + " → *" + e.to() + "*" + e.reason().map(r -> ": " + Mrkdwn.escape(clip(r))).orElse("");
        }

        public String stateChanged(EventData.StateChanged e) {
            return who + " moved the case " + e.from().label() + " → *" + e.to().label() + "*";
        }

        public String ownerChanged(EventData.OwnerChanged e) {
            return who + " made " + Mrkdwn.user(e.to().value()) + " the owner"
                    + e.from().map(f -> " (was " + Mrkdwn.user(f.value()) + ")").orElse("");
        }

        public String fieldSet(EventData.FieldSet e) {
            Optional<CaseField> field = FieldText.field(policy, Optional.empty(), e.field());
            return (e.byTriage() ? "AI triage" : who) + " set *" + Mrkdwn.escape(e.label()) + "* to " + FieldText.value(field, e.to(), MAX_LINE)
                    + e.from().map(f -> " (was " + FieldText.value(field, f, WAS) + ")").orElse("");
        }

        public String decisionTaken(EventData.DecisionTaken e) {
            return who + " decided (#" + e.decision() + "): *" + Mrkdwn.escape(clip(e.text())) + "*, because " + Mrkdwn.escape(clip(e.rationale()))
                    + e.alternatives().stream().map(a -> "; instead of " + Mrkdwn.escape(clip(a))).collect(Collectors.joining())
                    + (e.needs().isEmpty() ? "" : "\nWaiting for sign-off from " + groups(e.needs()) + ".");
        }

        public String decisionSigned(EventData.DecisionSigned e) {
            String verb = e.verdict() == SignOff.Verdict.APPROVED ? " approved" : " objected to";
            return who + verb + " decision #" + e.decision() + " for " + groups(e.groups())
                    + e.reason().map(r -> ": " + Mrkdwn.escape(clip(r))).orElse("") + ". It is now *" + e.status().label() + "*"
                    + (e.status() == CaseDecision.Status.REJECTED ? " (its decider may `/esc decide override " + e.decision() + " because …`)" : "")
                    + ".";
        }

        public String decisionOverridden(EventData.DecisionOverridden e) {
            return who + " overrode the objection to decision #" + e.decision() + " (" + Mrkdwn.escape(SlackText.clip(e.text(), 100))
                    + "): " + Mrkdwn.escape(clip(e.reason())) + ". It stands.";
        }

        public String signOffReminded(EventData.SignOffReminded e) {
            return ":hourglass: Decision #" + e.decision() + " (" + Mrkdwn.escape(SlackText.clip(e.text(), 100)) + ") still waits for sign-off from "
                    + groups(e.groups()) + (e.people().isEmpty() ? "" : ": " + users(e.people(), ", ")) + ". Approve or object on its request above.";
        }

        public String noteAdded(EventData.NoteAdded e) {
            return who + " noted: " + Mrkdwn.escape(clip(e.text()));
        }

        public String taskAdded(EventData.TaskAdded e) {
            return who + " added task " + e.task() + ": " + Mrkdwn.escape(clip(e.text()))
                    + e.assignee().map(a -> " (for " + Mrkdwn.user(a.value()) + ")").orElse("");
        }

        public String taskDone(EventData.TaskDone e) {
            return who + " completed task " + e.task() + ": " + Mrkdwn.escape(clip(e.text()));
        }

        public String groupLooped(EventData.GroupLooped e) {
            return who + " looped in *" + Mrkdwn.escape(e.group()) + "*"
                    + (e.members().isEmpty() ? "" : " (" + users(e.members(), ", ") + ")");
        }

        public String resolved(EventData.Resolved e) {
            return who + " resolved the case: " + Mrkdwn.escape(clip(e.resolution())) + e.rootCause()
                    .map(id -> " (root cause: " + Mrkdwn.escape(policy.rootCause(id).map(RootCause::label).orElse(id)) + ")").orElse("");
        }

        public String reopened(EventData.Reopened e) {
            return who + " reopened the case";
        }

        public String messagePinned(EventData.MessagePinned e) {
            return who + " pinned a message" + e.author().map(a -> " from " + Mrkdwn.user(a.value())).orElse("")
                    + ": " + Mrkdwn.escape(clip(e.text())) + e.permalink().map(EventText::link).orElse("");
        }

        public String paged(EventData.Paged e) {
            return Mrkdwn.user(e.user().value()) + " was paged as " + Mrkdwn.escape(e.level())
                    + (e.level().equals("manager") ? "" : " on call") + " (" + Mrkdwn.escape(e.rotation()) + ")"
                    + e.unacknowledgedFor().map(d -> ": nobody acknowledged within " + d.toMinutes() + " min").orElse("");
        }

        public String chainEnded(EventData.ChainEnded e) {
            return ":warning: Everyone in the escalation chain has been paged and nobody has acknowledged after "
                    + e.unacknowledgedFor().toMinutes() + " min";
        }

        public String watched(EventData.Watched e) {
            return who + " flagged the case to watch at the next handoff";
        }

        public String unwatched(EventData.Unwatched e) {
            return who + " took the case off the handoff watch list";
        }

        public String summaryPosted(EventData.SummaryPosted e) {
            return who + " posted the " + e.draftKind().noun() + (e.edited() ? " (edited from the draft)" : "")
                    + (e.leadership() ? " to leadership" : e.to().isEmpty() ? "" : " in the case channel");
        }

        public String summaryNotPosted(EventData.SummaryNotPosted e) {
            return ":warning: The " + e.draftKind().noun() + " approved by " + who + " was not posted to "
                    + (e.leadership() ? "leadership" : "the case channel") + ": Slack answered `" + Mrkdwn.escape(e.error()) + "`"
                    + e.needed().map(n -> " (missing scope `" + Mrkdwn.escape(n) + "`)").orElse("");
        }

        public String slackRefused(EventData.SlackRefused e) {
            return ":warning: Slack refused " + Mrkdwn.escape(e.what()) + ": `" + Mrkdwn.escape(e.error()) + "`"
                    + e.needed().map(n -> " (missing scope `" + Mrkdwn.escape(n) + "`)").orElse("");
        }

        public String slaWarning(EventData.SlaWarning e) {
            return ":hourglass_flowing_sand: " + e.percent() + "% of the *" + e.clock() + "* SLA has run: " + e.clock() + " by "
                    + Mrkdwn.date(e.due()) + " (" + Mrkdwn.ago(e.due()) + ")" + (e.notified().isEmpty() ? "" : " " + users(e.notified(), " "));
        }

        public String slaBreached(EventData.SlaBreached e) {
            return ":red_circle: The *" + e.clock() + "* SLA is breached: it was due " + Mrkdwn.date(e.due()) + ".";
        }

        public String caseLinked(EventData.CaseLinked e) {
            return who + " linked this case to *" + e.other() + "* as related";
        }

        public String caseUnlinked(EventData.CaseUnlinked e) {
            return who + " unlinked *" + e.other() + "*";
        }

        public String mergedInto(EventData.MergedInto e) {
            return ":twisted_rightwards_arrows: " + who + " merged this case into *" + e.into() + "* as a duplicate: the work goes on there"
                    + (e.tasksMoved() > 0 ? " (" + e.tasksMoved() + (e.tasksMoved() == 1 ? " open task moved" : " open tasks moved") + ")" : "")
                    + ". `/esc status " + e.into() + "` shows it.";
        }

        public String duplicateMerged(EventData.DuplicateMerged e) {
            return ":twisted_rightwards_arrows: " + who + " merged duplicate *" + e.from() + "* into this case"
                    + (e.invited().isEmpty() ? "" : "; its people joined: " + users(e.invited(), ", "))
                    + (e.tasksMoved() > 0 ? "; " + e.tasksMoved() + (e.tasksMoved() == 1 ? " open task moved here" : " open tasks moved here") : "");
        }

        public String deadlineSet(EventData.DeadlineSet e) {
            return who + (e.before().isPresent() ? " moved the deadline *" : " set the deadline *") + Mrkdwn.escape(e.name()) + "*: due "
                    + Mrkdwn.date(e.due()) + " (" + Mrkdwn.ago(e.due()) + ")" + e.before().map(b -> ", was " + Mrkdwn.date(b)).orElse("");
        }

        public String deadlineDone(EventData.DeadlineDone e) {
            return who + " marked the deadline *" + Mrkdwn.escape(e.name()) + "* done" + (e.met() ? ", in time :white_check_mark:"
                    : ", late: it was due " + Mrkdwn.date(e.due()));
        }

        public String deadlineDropped(EventData.DeadlineDropped e) {
            return who + " dropped the deadline *" + Mrkdwn.escape(e.name()) + "* (due " + Mrkdwn.date(e.due()) + "): " + Mrkdwn.escape(clip(e.reason()));
        }

        public String deadlineWarning(EventData.DeadlineWarning e) {
            return ":hourglass_flowing_sand: The deadline *" + Mrkdwn.escape(e.name()) + "* is near: due " + Mrkdwn.date(e.due()) + " ("
                    + Mrkdwn.ago(e.due()) + ")" + (e.notified().isEmpty() ? "" : " " + users(e.notified(), " "));
        }

        public String deadlineBreached(EventData.DeadlineBreached e) {
            return ":red_circle: The deadline *" + Mrkdwn.escape(e.name()) + "* is breached: it was due " + Mrkdwn.date(e.due()) + ".";
        }

        public String reportedAgain(EventData.ReportedAgain e) {
            return ":robot_face: Reported again by *" + Mrkdwn.escape(e.source()) + "*";
        }

        public String similarFound(EventData.SimilarFound e) {
            return ":mag: " + (e.similar().isEmpty() ? "No similar case found"
                    : "Similar cases: " + String.join(", ", e.similar().stream().map(CaseId::toString).toList()))
                    + e.duplicateOf().map(d -> "; flagged as a likely duplicate of *" + d + "*").orElse("");
        }

        public String duplicateJudged(EventData.DuplicateJudged e) {
            return ":mag: " + who + (e.confirmed() ? " confirmed this case duplicates *" : " judged this case not a duplicate of *") + e.of() + "*";
        }

        public String pageRequested(EventData.PageRequested e) {
            return ":pager: " + who + " paged " + Mrkdwn.user(e.person().value()) + e.group().map(g -> " (from " + Mrkdwn.escape(g) + ")").orElse("")
                    + ": " + Mrkdwn.escape(e.reason());
        }

        public String pageHeld(EventData.PageHeld e) {
            return Mrkdwn.user(e.person().value()) + "'s page waits for the end of their quiet hours, " + Mrkdwn.date(e.until())
                    + " (only a SEV1 breaks them)";
        }

        public String pageAcknowledged(EventData.PageAcknowledged e) {
            return ":white_check_mark: " + Mrkdwn.user(e.person().value()) + " acknowledged the page ("
                    + (e.after().toMinutes() < 1 ? e.after().toSeconds() + " s" : e.after().toMinutes() + " min") + " after it began)";
        }

        public String pageUnanswered(EventData.PageUnanswered e) {
            return ":warning: " + Mrkdwn.user(e.person().value()) + " has not acknowledged the page after " + e.after().toMinutes() + " min"
                    + e.next().map(n -> "; paging " + Mrkdwn.user(n.value()) + e.group().map(g -> ", next in " + Mrkdwn.escape(g)).orElse(""))
                    .orElse(e.group().map(g -> "; nobody else in " + Mrkdwn.escape(g) + " is left to page").orElse(""));
        }

        public String pagerCalled(EventData.PagerCalled e) {
            return "Pager " + Mrkdwn.escape(e.pager()) + ": " + Mrkdwn.escape(e.action()) + " `" + Mrkdwn.escape(e.dedupKey()) + "`, try "
                    + e.attempt() + ": " + Mrkdwn.escape(e.outcome()) + (e.delivered() ? "" : " (trying again)");
        }

        public String pageStepTaken(EventData.PageStepTaken e) {
            return Mrkdwn.user(e.person().value()) + " was paged by " + Mrkdwn.escape(e.via()) + " (step " + e.step() + " of their notify steps)";
        }

        public String runbookFlagged(EventData.RunbookFlagged e) {
            return ":compass: " + who + " marked the runbook's decision tree wrong at: _" + Mrkdwn.escape(e.ask()) + "_";
        }

        public String failureTagged(EventData.FailureTagged e) {
            return ":label: " + who + " tagged why the AI " + Mrkdwn.escape(e.surface()) + " (" + Mrkdwn.escape(e.version())
                    + ") was overridden: *" + Mrkdwn.escape(e.label()) + "*";
        }

        public String slaMet(EventData.SlaMet e) {
            return "The " + Mrkdwn.escape(String.join(",", e.clocks())) + " SLA had been met before the case went back; it is not raised again.";
        }

        public String runbookStarted(EventData.RunbookStarted e) {
            return who + " started the *" + Mrkdwn.escape(policy.caseType(e.caseType()).map(t -> t.label()).orElse(e.caseType())) + "* runbook";
        }

        public String runbookAnswered(EventData.RunbookAnswered e) {
            return who + " answered _" + Mrkdwn.escape(e.question()) + "_ → *" + Mrkdwn.escape(e.answer()) + "*"
                    + e.guidance().map(g -> "\n> " + Mrkdwn.escape(clip(g)).replace("\n", "\n> ")).orElse("")
                    + (e.end() ? "\nThat is the end of the runbook." : "");
        }

        public String triageSuggested(EventData.TriageSuggested e) {
            return "AI triage suggested " + TriageMessage.suggestion(e.suggestion(), policy)
                    + (e.applied() ? ", and applied it (rule `" + Mrkdwn.escape(e.rule().orElse("")) + "`)" : ", held for a person");
        }

        public String triageJudged(EventData.TriageJudged e) {
            return who + " " + e.verdict().verb() + " the AI triage suggestion: " + Mrkdwn.escape(e.from()) + " → *"
                    + Mrkdwn.escape(e.to()) + "*";
        }
    }

    /** Longest a single line may grow; a case's timeline must fit in one Slack message. */
    static final int MAX_LINE = 600;

    /** Clips long text in lists; the full text stays on the timeline record. */
    /** How much of a field's old value a line shows: enough to recognise it. */
    private static final int WAS = 100;

    static String clip(String text) {
        return SlackText.clip(text, MAX_LINE);
    }

    private static String users(java.util.List<UserId> users, String separator) {
        return users.stream().map(u -> Mrkdwn.user(u.value())).collect(Collectors.joining(separator));
    }

    private static String groups(List<String> groups) {
        return groups.stream().map(g -> "*" + Mrkdwn.escape(g) + "*").collect(Collectors.joining(", "));
    }

    private static String link(String permalink) {
        return permalink.matches("https://[^\\s|<>]+") ? " <" + permalink + "|(link)>" : "";
    }
}
