package app.escalate.bot.render;

import app.escalate.commands.Reply;
import app.escalate.commands.TeamStats;
import app.escalate.commands.TriageStats;
import app.escalate.commands.DuplicateStats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /esc stats}: the team's figures over the window, then the AI drafts' record, then the prompts
 * and runbooks past their review date. Counts only; no case is named.
 */
public final class StatsMessage {
    private StatsMessage() {
    }

    public static SlackMessage of(Reply.Stats stats) {
        TeamStats.Report r = stats.team();
        List<String> lines = new ArrayList<>();
        lines.add("*Last " + r.window().toDays() + " days*: " + r.total() + (r.total() == 1 ? " case" : " cases") + " opened");
        if (r.total() > 0) {
            lines.add("• By severity: " + counts(r.bySeverity()));
            lines.add("• By type: " + counts(r.byType()));
            lines.add("• By surface: " + counts(r.bySurface()));
            r.byChoice().forEach((field, options) -> lines.add("• By " + Mrkdwn.escape(field) + ": " + counts(options)));
            lines.add("• Top volume drivers: " + Mrkdwn.escape(String.join(", ", r.topDrivers())));
            lines.add("• Time to acknowledge: " + times(r.toAck()));
            lines.add("• Time to mitigate: " + times(r.toMitigate()));
            lines.add("• Time to resolve: " + times(r.toResolve()));
            lines.add("• SLA met, acknowledge: " + compliance(r.ackCompliance()));
            lines.add("• SLA met, mitigate: " + compliance(r.mitigateCompliance()));
        }
        // Deadlines end whether or not a case was opened in the window.
        if (!r.deadlines().isEmpty()) lines.add("• Deadlines met: " + compliance(r.deadlines()));
        lines.add(DraftMessage.stats(stats.drafts()).text());
        lines.addAll(triage(stats.triage()));
        lines.add(duplicates(stats.duplicates()));
        lines.add(stats.overdue().isEmpty() ? "*Past their review date*: none."
                : "*Past their review date* (the team channel is reminded every Monday):");
        stats.overdue().forEach(o -> lines.add("• " + ReviewMessage.line(o)));
        return SlackMessage.text(String.join("\n", lines));
    }

    /** Kept: accepted, or applied and not undone. Overridden: changed, dismissed or undone. */
    static List<String> triage(TriageStats.Report t) {
        if (t.byType().isEmpty()) {
            return List.of("*AI triage*: no suggestion judged yet" + (t.waiting() > 0 ? " (" + t.waiting() + " waiting for a person)." : "."));
        }
        List<String> lines = new ArrayList<>(List.of("*AI triage*, kept as suggested (accepted, or applied and not undone)"
                + (t.waiting() > 0 ? "; " + t.waiting() + " waiting for a person" : "")));
        lines.add("• By suggested type: " + t.byType().entrySet().stream()
                .map(e -> share(Mrkdwn.escape(e.getKey()), e.getValue().kept(), e.getValue().judged()))
                .collect(Collectors.joining(" · ")));
        lines.add("• Overridden by people, by prompt version: " + t.byPromptVersion().entrySet().stream()
                .map(e -> share("`" + Mrkdwn.escape(e.getKey()) + "`", e.getValue().overridden(), e.getValue().judged()))
                .collect(Collectors.joining(" · ")));
        lines.add(calibration(t));
        return lines;
    }

    /** Triage kept per band of its confidence: calibrated when each share matches its band. */
    static String calibration(TriageStats.Report t) {
        return "• Kept, by the suggestion's confidence (calibrated when each share matches its band): " + t.byConfidence().entrySet().stream()
                .map(e -> share(band(e.getKey()), e.getValue().kept(), e.getValue().judged()))
                .collect(Collectors.joining(" · "));
    }

    /** The flags' precision as people judged them: right when merged into the flagged case, wrong when marked not a duplicate. */
    static String duplicates(DuplicateStats.Report d) {
        String line = "*Similar cases*: shown for " + d.shown() + (d.shown() == 1 ? " case" : " cases") + "; "
                + d.flagged() + (d.flagged() == 1 ? " flagged as a likely duplicate" : " flagged as likely duplicates");
        if (d.judged() == 0) return line + (d.flagged() > 0 ? ", none judged yet." : ".");
        return line + "; " + share("judged right", d.confirmed(), d.judged()) + " (precision)"
                + (d.waiting() > 0 ? ", " + d.waiting() + " not judged yet" : "") + ".";
    }

    /** {@code 70–90%}: the band whose lower bound is {@code lower}. */
    private static String band(double lower) {
        int i = TriageStats.BANDS.indexOf(lower);
        double upper = i + 1 < TriageStats.BANDS.size() ? TriageStats.BANDS.get(i + 1) : 1.0;
        return String.format(Locale.ROOT, "%.0f–%.0f%%", lower * 100, upper * 100);
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> Mrkdwn.escape(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(" · "));
    }

    private static String times(TeamStats.Times t) {
        if (t.count() == 0) return "_none yet_";
        return "median " + human(t.median().orElseThrow()) + ", p90 " + human(t.p90().orElseThrow()) + " (" + t.count() + ")";
    }

    private static String compliance(Map<String, TeamStats.Compliance> bySeverity) {
        String out = bySeverity.entrySet().stream().filter(e -> e.getValue().total() > 0)
                .map(e -> share(e.getKey(), e.getValue().met(), e.getValue().total()))
                .collect(Collectors.joining(" · "));
        return out.isEmpty() ? "_no clock has ended yet_" : out;
    }

    /** {@code label 75% (3/4)}; {@code whole} is never 0 here. */
    private static String share(String label, int part, int whole) {
        return String.format(Locale.ROOT, "%s %.0f%% (%d/%d)", label, part * 100.0 / whole, part, whole);
    }

    static String human(Duration d) {
        if (d.toMinutes() < 1) return d.toSeconds() + " s";
        if (d.toHours() < 1) return d.toMinutes() + " min";
        if (d.toDays() < 1) return d.toHours() + " h " + d.toMinutesPart() + " min";
        return d.toDays() + " d " + d.toHoursPart() + " h";
    }
}
