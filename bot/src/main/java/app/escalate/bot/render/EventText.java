package app.escalate.bot.render;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.SlackText;
import app.escalate.commands.TriageVerdict;
import app.escalate.config.Policy;
import app.escalate.config.RootCause;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** One timeline event as one line of mrkdwn, every value from a person escaped. */
public final class EventText {
    private final Policy policy;

    public EventText(Policy policy) {
        this.policy = policy;
    }

    private static String mentions(String csv) {
        if (csv == null || csv.isBlank()) return "";
        return " " + java.util.Arrays.stream(csv.split(",")).map(Mrkdwn::user).collect(Collectors.joining(" "));
    }

    public String line(CaseEvent e) {
        String who = Mrkdwn.user(e.actor().value());
        return switch (e.kind()) {
            case OPENED -> who + " opened the case as " + e.get("severity") + ": " + Mrkdwn.escape(e.get("title"))
                    + (e.get("description").isEmpty() ? "" : "\n> " + Mrkdwn.escape(e.get("description")).replace("\n", "\n> "));
            case ACKNOWLEDGED -> who + " acknowledged" + ackDelay(e.get("after"));
            case SEVERITY_CHANGED -> who + " changed severity " + e.get("from") + " → *" + e.get("to") + "*" + reason(e);
            case STATE_CHANGED -> who + " moved the case " + e.get("from") + " → *" + e.get("to") + "*";
            case OWNER_CHANGED -> who + " made " + Mrkdwn.user(e.get("to")) + " the owner"
                    + (e.get("from").isEmpty() ? "" : " (was " + Mrkdwn.user(e.get("from")) + ")");
            case NOTE_ADDED -> who + " noted: " + Mrkdwn.escape(clip(e.get("text")));
            case TASK_ADDED -> who + " added task " + e.get("task") + ": " + Mrkdwn.escape(e.get("text"))
                    + (e.get("assignee").isEmpty() ? "" : " (for " + Mrkdwn.user(e.get("assignee")) + ")");
            case TASK_DONE -> who + " completed task " + e.get("task") + ": " + Mrkdwn.escape(e.get("text"));
            case GROUP_LOOPED -> who + " looped in *" + Mrkdwn.escape(e.get("group")) + "*" + members(e.get("members"));
            case RESOLVED -> who + " resolved the case: " + Mrkdwn.escape(e.get("resolution")) + cause(e.get("root_cause"));
            case REOPENED -> who + " reopened the case";
            case WATCHED -> who + " flagged the case to watch at the next handoff";
            case UNWATCHED -> who + " took the case off the handoff watch list";
            case SLA_WARNING -> ":hourglass_flowing_sand: " + e.get("percent") + "% of the *" + e.get("clock") + "* SLA has run: "
                    + e.get("clock") + " by " + Mrkdwn.date(java.time.Instant.parse(e.get("due"))) + " ("
                    + Mrkdwn.ago(java.time.Instant.parse(e.get("due"))) + ")" + mentions(e.get("notify"));
            case SLA_BREACHED -> ":red_circle: The *" + e.get("clock") + "* SLA is breached: it was due "
                    + Mrkdwn.date(java.time.Instant.parse(e.get("due"))) + ".";
            case SLA_MET -> "The " + Mrkdwn.escape(e.get("clocks")) + " SLA had been met before the case went back; it is not raised again.";
            case SUMMARY_POSTED -> who + " posted the " + (e.get("kind").equals("rca") ? "root-cause write-up" : "executive summary")
                    + (e.get("edited").equals("true") ? " (edited from the draft)" : "")
                    + (e.get("leadership").equals("true") ? " to leadership" : e.get("to").isEmpty() ? "" : " in the case channel");
            case SUMMARY_NOT_POSTED -> ":warning: The " + (e.get("kind").equals("rca") ? "root-cause write-up" : "executive summary")
                    + " approved by " + who + " was not posted to " + (e.get("leadership").equals("true") ? "leadership" : "the case channel")
                    + ": Slack answered `" + Mrkdwn.escape(e.get("error")) + "`"
                    + (e.get("needed").isEmpty() ? "" : " (missing scope `" + Mrkdwn.escape(e.get("needed")) + "`)");
            case PAGED -> Mrkdwn.user(e.get("user")) + " was paged as " + Mrkdwn.escape(e.get("level"))
                    + (e.get("level").equals("manager") ? "" : " on call") + " (" + Mrkdwn.escape(e.get("rotation")) + ")"
                    + (e.get("unacknowledged_for").isEmpty() ? "" : ": nobody acknowledged within " + e.get("unacknowledged_for") + " min");
            case CHAIN_ENDED -> ":warning: Everyone in the escalation chain has been paged and nobody has acknowledged after "
                    + e.get("unacknowledged_for") + " min";
            case RUNBOOK_STARTED -> who + " started the *" + Mrkdwn.escape(policy.caseType(e.get("type")).map(t -> t.label())
                    .orElse(e.get("type"))) + "* runbook";
            case RUNBOOK_ANSWERED -> who + " answered _" + Mrkdwn.escape(e.get("question")) + "_ → *" + Mrkdwn.escape(e.get("answer")) + "*"
                    + (e.get("guidance").isEmpty() ? "" : "\n> " + Mrkdwn.escape(e.get("guidance")).replace("\n", "\n> "))
                    + (e.get("end").equals("true") ? "\nThat is the end of the runbook." : "");
            case TRIAGE_SUGGESTED -> "AI triage suggested " + TriageMessage.suggestion(e, policy)
                    + (e.get("route").equals("applied") ? ", and applied it (rule `" + Mrkdwn.escape(e.get("rule")) + "`)" : ", held for a person");
            case TRIAGE_JUDGED -> who + " " + TriageVerdict.verb(e.get("verdict")) + " the AI triage suggestion: " + Mrkdwn.escape(e.get("from")) + " → *"
                    + Mrkdwn.escape(e.get("to")) + "*";
            case MESSAGE_PINNED -> who + " pinned a message" + (e.get("author").isEmpty() ? "" : " from " + Mrkdwn.user(e.get("author")))
                    + ": " + Mrkdwn.escape(clip(e.get("text"))) + link(e.get("permalink"));
        };
    }

    /** Longest a single line may grow; a case's timeline must fit in one Slack message. */
    static final int MAX_LINE = 600;

    /** Clips long text in lists; the full text stays on the timeline record. */
    static String clip(String text) {
        return SlackText.clip(text, MAX_LINE);
    }

    private static String link(String permalink) {
        return permalink.matches("https://[^\\s|<>]+") ? " <" + permalink + "|(link)>" : "";
    }

    private static String ackDelay(String seconds) {
        if (seconds.isEmpty()) return "";
        Duration d = Duration.ofSeconds(Long.parseLong(seconds));
        return " (" + (d.toMinutes() < 1 ? d.toSeconds() + " s" : d.toMinutes() + " min") + " after opening)";
    }

    private static String reason(CaseEvent e) {
        return e.get("reason").isEmpty() ? "" : ": " + Mrkdwn.escape(e.get("reason"));
    }

    private static String members(String csv) {
        if (csv.isEmpty()) return "";
        return " (" + Arrays.stream(csv.split(",")).map(Mrkdwn::user).collect(Collectors.joining(", ")) + ")";
    }

    private String cause(String id) {
        if (id.isEmpty()) return "";
        return " (root cause: " + Mrkdwn.escape(policy.rootCause(id).map(RootCause::label).orElse(id)) + ")";
    }
}
