package app.escalate.bot.render;

import app.escalate.commands.Case;

import java.util.Optional;
import java.util.Set;

/**
 * What the person who acted reads when Slack refused part of it: what failed, Slack's error (and
 * the scope it says is missing), and what to do. Mrkdwn; only they see it.
 */
public final class RefusalNotice {
    /** Slack's answers for a person the app may not add to a channel. */
    private static final Set<String> CANNOT_ADD = Set.of("cant_invite", "user_not_found", "user_is_restricted", "user_is_ultra_restricted",
            "ura_max_channels", "user_disabled", "cant_invite_self");
    /** Slack's answers for a message the app built wrong: nothing the reader did. */
    private static final Set<String> OUR_FAULT = Set.of("invalid_blocks", "msg_too_long", "invalid_arguments", "no_text", "invalid_blocks_format");

    private RefusalNotice() {
    }

    /** {@code what} failed (e.g. "updating the pinned case card"), for case {@code c} when it is about one. */
    public static String of(String what, Optional<Case> c, String error, Optional<String> needed) {
        StringBuilder text = new StringBuilder(":warning: Slack refused ").append(what);
        c.ifPresent(x -> text.append(" for *").append(x.id()).append('*'));
        text.append(": `").append(Mrkdwn.escape(error)).append('`');
        needed.ifPresent(n -> text.append(" (the app lacks the scope `").append(Mrkdwn.escape(n)).append("`)"));
        return text.append(". ").append(advice(error, c)).toString();
    }

    private static String advice(String error, Optional<Case> c) {
        String where = c.flatMap(Case::channel).map(ch -> Mrkdwn.channel(ch.id().value())).orElse("the channel");
        String upToDate = c.map(x -> " The case itself is up to date: `/esc status " + x.id() + "` shows it.").orElse("");
        if (CANNOT_ADD.contains(error)) {
            return "Slack will not let the app add that person (a guest, or a deactivated account): add them by hand if they should be there.";
        }
        if (OUR_FAULT.contains(error)) return "That is a fault in Escalate, not in what you did; the operators see it on /healthz." + upToDate;
        return switch (error) {
            case "is_archived" -> where + " is archived: unarchive it to keep working the case there." + upToDate;
            case "not_in_channel" -> SetupAdvice.invite(where) + upToDate;
            case "channel_not_found" -> where + " is gone, or private without @Escalate in it (invite it there)." + upToDate;
            case "missing_scope" -> SetupAdvice.addScope() + upToDate;
            default -> "Ask a Slack admin to check what the app may do there." + upToDate;
        };
    }
}
