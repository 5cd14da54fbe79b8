package app.escalate.bot.render;

import app.escalate.commands.OverdueReview;
import app.escalate.commands.SlackEffect;

import java.util.ArrayList;
import java.util.List;

/** Prompts and runbooks past their review date: the weekly reminder, and the lines {@code /esc stats} shows. */
public final class ReviewMessage {
    private ReviewMessage() {
    }

    public static String reminder(SlackEffect.ReviewReminder reminder) {
        List<String> lines = new ArrayList<>();
        lines.add(":calendar: *Review dates*: " + (reminder.overdue().size() == 1 ? "this piece" : "these " + reminder.overdue().size() + " pieces")
                + " of the team's judgment passed the date their owner set to review them by. Check each against recent cases, "
                + "then move its `review_by` in the policy file.");
        reminder.overdue().forEach(o -> lines.add("• " + line(o)));
        return String.join("\n", lines);
    }

    /** The owner is mentioned, so the reminder reaches them; the owner's id was checked when the policy was read. */
    public static String line(OverdueReview o) {
        return Mrkdwn.escape(o.what()) + ", owner <@" + o.review().owner() + ">, review by " + o.review().reviewBy();
    }
}
