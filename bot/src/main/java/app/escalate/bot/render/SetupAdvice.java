package app.escalate.bot.render;

/**
 * What to tell someone when Slack will not let the bot into a channel or lacks a scope: one wording
 * wherever it is said (an approver whose summary was refused, the set-up check, its {@code doctor}).
 * {@code where} is the channel as the reader should see it, such as {@code #esc-leadership}.
 */
public final class SetupAdvice {
    private SetupAdvice() {
    }

    /** The bot is not a member of the channel. */
    public static String invite(String where) {
        return "Invite @Escalate to " + where + " (type `/invite @Escalate` there).";
    }

    /** Slack knows no such channel, or none the bot may see; {@code policyKey} is where the policy names it. */
    public static String notFound(String where, String policyKey) {
        return "Check that " + where + " exists; if it is private, invite @Escalate to it. The channel is `" + policyKey + "` in the policy.";
    }

    public static String archived(String where, String policyKey) {
        return where + " is archived: unarchive it, or set `" + policyKey + "` to another channel.";
    }

    /** Slack named a scope the app was not granted. */
    public static String addScope() {
        return "Ask a Slack admin to add that scope to the app and reinstall it.";
    }
}
