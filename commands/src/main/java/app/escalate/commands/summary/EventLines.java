package app.escalate.commands.summary;

import app.escalate.commands.CaseEvent;
import app.escalate.config.Policy;
import app.escalate.config.RootCause;

/** A timeline event as one plain line for a prompt: who did what, with the values, people as {@code <@U…>}. */
final class EventLines {
    private EventLines() {
    }

    /** The event as a key moment, without the free text people typed (notes, reasons, descriptions); empty for notes and tasks. */
    static java.util.Optional<String> keyMoment(CaseEvent e, Policy policy) {
        String who = "<@" + e.actor().value() + ">";
        return java.util.Optional.ofNullable(switch (e.kind()) {
            case OPENED -> who + " opened the case as " + e.get("severity");
            case ACKNOWLEDGED -> who + " acknowledged";
            case SEVERITY_CHANGED -> who + " changed severity " + e.get("from") + " to " + e.get("to");
            case STATE_CHANGED -> who + " moved the case from " + e.get("from") + " to " + e.get("to");
            case OWNER_CHANGED -> who + " made <@" + e.get("to") + "> the owner";
            case GROUP_LOOPED -> who + " looped in " + e.get("group");
            case RESOLVED -> who + " resolved the case";
            case REOPENED -> who + " reopened the case";
            case SUMMARY_POSTED, SLA_BREACHED, TRIAGE_JUDGED -> of(e, policy);
            case TRIAGE_SUGGESTED -> e.get("route").equals("applied") ? of(e, policy) : null;
            default -> null;
        });
    }

    static String of(CaseEvent e, Policy policy) {
        String who = "<@" + e.actor().value() + ">";
        return switch (e.kind()) {
            case OPENED -> who + " opened the case as " + e.get("severity") + ": " + e.get("title")
                    + (e.get("description").isEmpty() ? "" : ". Description: " + e.get("description"));
            case ACKNOWLEDGED -> who + " acknowledged";
            case SEVERITY_CHANGED -> who + " changed severity " + e.get("from") + " to " + e.get("to")
                    + (e.get("reason").isEmpty() ? "" : " because " + e.get("reason"));
            case STATE_CHANGED -> who + " moved the case from " + e.get("from") + " to " + e.get("to");
            case OWNER_CHANGED -> who + " made <@" + e.get("to") + "> the owner";
            case NOTE_ADDED -> who + " noted: " + e.get("text");
            case TASK_ADDED -> who + " added task " + e.get("task") + ": " + e.get("text");
            case TASK_DONE -> who + " completed task " + e.get("task") + ": " + e.get("text");
            case GROUP_LOOPED -> who + " looped in " + e.get("group");
            case RESOLVED -> who + " resolved the case: " + e.get("resolution")
                    + (e.get("root_cause").isEmpty() ? "" : " (root cause: "
                    + policy.rootCause(e.get("root_cause")).map(RootCause::label).orElse(e.get("root_cause")) + ")");
            case REOPENED -> who + " reopened the case";
            case MESSAGE_PINNED -> who + " pinned a message: " + e.get("text");
            case PAGED -> "<@" + e.get("user") + "> was paged as " + e.get("level") + " on call";
            case CHAIN_ENDED -> "everyone in the escalation chain was paged and nobody acknowledged";
            case WATCHED -> who + " flagged the case for the next handoff";
            case UNWATCHED -> who + " took the case off the handoff watch list";
            case SUMMARY_POSTED -> who + " posted the " + (e.get("kind").equals("rca") ? "root-cause write-up" : "executive summary")
                    + (e.get("leadership").equals("true") ? " to leadership" : "");
            case SUMMARY_NOT_POSTED -> "the " + (e.get("kind").equals("rca") ? "root-cause write-up" : "executive summary")
                    + " approved by " + who + " was not posted" + (e.get("leadership").equals("true") ? " to leadership" : "")
                    + ": Slack answered " + e.get("error");
            case SLA_WARNING -> e.get("percent") + "% of the " + e.get("clock") + " SLA had run";
            case SLA_BREACHED -> "the " + e.get("clock") + " SLA was breached";
            case SLA_MET -> "the " + e.get("clocks") + " SLA had been met before the case went back";
            case RUNBOOK_STARTED -> who + " started the " + e.get("type") + " runbook";
            case RUNBOOK_ANSWERED -> who + " answered the runbook question \"" + e.get("question") + "\": " + e.get("answer")
                    + (e.get("guidance").isEmpty() ? "" : " (guidance: " + e.get("guidance") + ")");
            case TRIAGE_SUGGESTED -> "triage (" + e.get("source") + ") suggested " + (e.get("type").isEmpty() ? "no type" : e.get("type"))
                    + ", " + e.get("severity") + (e.get("route").equals("applied") ? ", applied by rule " + e.get("rule") : ", held for a person");
            case TRIAGE_JUDGED -> who + " " + app.escalate.commands.TriageVerdict.verb(e.get("verdict")) + " the triage suggestion: " + e.get("from") + " → " + e.get("to");
        };
    }
}
