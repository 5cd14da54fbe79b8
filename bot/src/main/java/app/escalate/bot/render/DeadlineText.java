package app.escalate.bot.render;

import app.escalate.commands.Deadlines;
import app.escalate.commands.Reply;
import app.escalate.commands.SlackText;

import java.util.ArrayList;
import java.util.List;

/** A deadline in a line, wherever one is shown: its name, when it is due (each reader's Slack words the time) and how it stands. */
final class DeadlineText {
    /** Characters of a drop's reason shown beside it; the rest is in the timeline. */
    static final int REASON = 200;

    private DeadlineText() {
    }

    static String line(Deadlines.Deadline d, Deadlines.Standing standing) {
        String name = "*" + Mrkdwn.escape(d.name()) + "*";
        return switch (standing) {
            case RUNNING -> name + " " + Mrkdwn.date(d.due()) + " (" + Mrkdwn.ago(d.due()) + ")";
            case WARNED -> ":large_orange_circle: " + name + " " + Mrkdwn.date(d.due()) + " (" + Mrkdwn.ago(d.due()) + ")";
            case BREACHED -> ":red_circle: " + name + " was due " + Mrkdwn.date(d.due()) + " — *breached*";
            case MET -> ":white_check_mark: " + name + " met (due " + Mrkdwn.date(d.due()) + ")";
            case MISSED -> name + " done late (was due " + Mrkdwn.date(d.due()) + ")";
            case DROPPED -> "~" + name + "~ dropped" + d.closed().flatMap(c -> c.reason()).map(r -> ": " + Mrkdwn.escape(SlackText.clip(r, REASON))).orElse("");
        };
    }

    /** A type's deadline that has not started: it runs from a field no one has recorded. */
    static String waiting(Deadlines.Waiting w) {
        return "*" + Mrkdwn.escape(w.name()) + "* starts when " + Mrkdwn.escape(w.field()) + " is recorded";
    }

    /** {@code /esc deadline}: every deadline of the case as it stands now, and its type's still waiting for their field. */
    static String list(Reply.DeadlineList list) {
        if (list.deadlines().isEmpty() && list.waiting().isEmpty()) {
            return list.caseId() + " has no deadlines: `/esc deadline <name> 2026-12-20 17:00` or `/esc deadline <name> in 4h` sets one.";
        }
        List<String> lines = new ArrayList<>();
        list.deadlines().forEach(d -> lines.add("• " + line(d, d.standing(list.now()))));
        list.waiting().forEach(w -> lines.add("• " + waiting(w)));
        return Mrkdwn.clip("*Deadlines of " + list.caseId() + "*\n" + String.join("\n", lines), SlackMessage.MAX_TEXT);
    }
}
