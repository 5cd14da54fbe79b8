package app.escalate.bot.render;

import app.escalate.commands.Case;
import app.escalate.commands.CaseId;
import app.escalate.commands.PatternSpike;
import app.escalate.commands.SlackEffect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The emerging-pattern alert: each spike in a line, with links to its case channels; restricted cases only counted. */
public final class PatternMessage {
    private static final int MAX_LINKS = 15;

    private PatternMessage() {
    }

    public static String of(SlackEffect.PatternAlert alert, Function<CaseId, Optional<Case>> cases) {
        List<String> lines = new ArrayList<>(List.of(":chart_with_upwards_trend: *Emerging pattern* — case volume over the last 24 hours "
                + "well above its 14-day baseline:"));
        for (PatternSpike s : alert.spikes()) {
            List<String> links = new ArrayList<>();
            for (CaseId id : s.cases().subList(0, Math.min(MAX_LINKS, s.cases().size()))) {
                links.add(cases.apply(id).flatMap(Case::channel).map(ch -> id + " " + Mrkdwn.channel(ch.id().value())).orElse(id.toString()));
            }
            int unnamed = s.cases().size() - links.size();
            lines.add(String.format(Locale.ROOT, "• %s: *%d* cases, against %.1f a day (Poisson p = %.1e): %s%s%s", Mrkdwn.escape(s.what()),
                    s.lastDay(), s.dailyMean(), s.pValue(), String.join(", ", links), unnamed > 0 ? ", +" + unnamed + " more" : "",
                    s.restricted() > 0 ? " (+" + s.restricted() + " restricted)" : ""));
        }
        return String.join("\n", lines);
    }
}
