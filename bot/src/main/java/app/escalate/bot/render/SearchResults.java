package app.escalate.bot.render;

import app.escalate.bot.search.CaseSearch;
import app.escalate.commands.Case;
import app.escalate.commands.UserId;
import app.escalate.commands.search.SearchQuery;
import app.escalate.config.Policy;
import app.escalate.config.RootCause;

import java.util.List;

/**
 * The answer to {@code /esc search}: one entry per hit, best first, each with its channel, state,
 * severity, owner, time to mitigate, and its resolution and root cause when it has them. Each entry
 * is clipped, so ten of them stay far inside a message's limit.
 */
public final class SearchResults {
    static final int TITLE = 150;
    static final int RESOLUTION = 300;

    private SearchResults() {
    }

    /** The answer to {@code text} (the command after {@code /esc}) for {@code user}: the hits, or what is wrong with the query. */
    public static SlackMessage answer(CaseSearch search, String text, UserId user, Policy policy) {
        SearchQuery.Parsed parsed = SearchQuery.parse(text.strip().substring("search".length()));
        if (parsed instanceof SearchQuery.Invalid invalid) return SlackMessage.text(invalid.problem());
        SearchQuery query = ((SearchQuery.Valid) parsed).query();
        return render(query, search.search(query, user), policy);
    }

    public static SlackMessage render(SearchQuery query, List<CaseSearch.Hit> hits, Policy policy) {
        String asked = Mrkdwn.clip(Mrkdwn.escape(query.words()), 200);
        if (hits.isEmpty()) return SlackMessage.text("No case you can see matches _" + asked + "_.");
        StringBuilder out = new StringBuilder("*Cases matching* _" + asked + "_, best first:");
        for (CaseSearch.Hit hit : hits) out.append("\n\n").append(entry(hit, policy));
        return SlackMessage.text(out.toString());
    }

    static String entry(CaseSearch.Hit hit, Policy policy) {
        Case c = hit.file().details();
        String where = c.channel().map(ch -> Mrkdwn.channel(ch.id().value())).orElse("");
        StringBuilder line = new StringBuilder("• *" + c.id() + "* " + where + " " + Mrkdwn.clip(Mrkdwn.escape(c.title()), TITLE));
        line.append("\n   SEV").append(c.severity().level()).append(" · ").append(c.state().label())
                .append(" · owner ").append(c.owner().map(o -> Mrkdwn.user(o.value())).orElse("none"))
                .append(" · ").append(hit.timeToMitigate().map(d -> "mitigated in " + StatsMessage.human(d)).orElse("not mitigated"));
        return line.append(outcome(c, policy)).toString();
    }

    /** A resolved case's resolution (clipped) and root cause, each on an indented line of its own; empty while open. */
    static String outcome(Case c, Policy policy) {
        return c.resolution().map(r -> "\n   Resolution: " + Mrkdwn.clip(Mrkdwn.escape(r.text()), RESOLUTION)
                + r.rootCause().map(rc -> "\n   Root cause: " + Mrkdwn.escape(policy.rootCause(rc).map(RootCause::label).orElse(rc))).orElse(""))
                .orElse("");
    }
}
