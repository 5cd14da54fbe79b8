package app.escalate.bot.render;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.ChannelId;
import app.escalate.commands.EventData;
import app.escalate.commands.summary.Draft;

import java.util.List;

/**
 * The approver's answer once a draft's posts are done, from what the timeline recorded of each:
 * where it went, and for a post Slack refused, Slack's reason and what to do about it. Mrkdwn.
 */
public final class PostedConfirmation {
    private static final String LEADERSHIP_KEY = "workspace.leadership_channel";

    private PostedConfirmation() {
    }

    public static String of(Draft d, List<CaseEvent> posts, String note) {
        List<String> places = posts.stream().flatMap(e -> e.as(EventData.SummaryPosted.class).stream())
                .map(p -> place(p.to(), p.leadership())).toList();
        StringBuilder text = new StringBuilder(d.kind().label());
        text.append(places.isEmpty() ? " was not posted." : " posted to " + String.join(" and to ", places) + ".");
        posts.stream().flatMap(e -> e.as(EventData.SummaryNotPosted.class).stream()).forEach(e -> text.append(" Not posted to ")
                .append(place(e.to(), e.leadership())).append(": Slack answered `").append(Mrkdwn.escape(e.error())).append('`')
                .append(e.needed().map(n -> " (the app lacks the scope `" + Mrkdwn.escape(n) + "`)").orElse("")).append(". ")
                .append(advice(e)));
        if (!note.isBlank()) text.append(' ').append(Mrkdwn.escape(note));
        return text.toString();
    }

    private static String place(String to, boolean leadership) {
        if (!leadership) return "the case channel";
        return ChannelId.parse(to).isPresent() ? Mrkdwn.channel(to) : "#" + Mrkdwn.escape(to);
    }

    /** What the approver (or an admin) can do about Slack's refusal. */
    private static String advice(EventData.SummaryNotPosted refused) {
        String where = place(refused.to(), refused.leadership());
        String again = " Then ask for a new draft (`/esc summary`) and approve it.";
        return switch (refused.error()) {
            case "not_in_channel" -> SetupAdvice.invite(where) + again;
            case "channel_not_found" -> SetupAdvice.notFound(where, LEADERSHIP_KEY) + again;
            case "is_archived" -> SetupAdvice.archived(where, LEADERSHIP_KEY) + again;
            case "missing_scope" -> SetupAdvice.addScope() + again;
            default -> "Ask a Slack admin to check what the app may do in " + where + "." + again;
        };
    }
}
