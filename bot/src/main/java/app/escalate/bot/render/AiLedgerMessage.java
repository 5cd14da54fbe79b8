package app.escalate.bot.render;

import app.escalate.commands.AcceptanceDrift;
import app.escalate.commands.AiLedgerReport;
import app.escalate.commands.ShadowStats;
import app.escalate.commands.ledger.AiLedger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code /esc ai}: the team's AI per surface and version, triage's calibration and the similar cases' flags. */
public final class AiLedgerMessage {
    private AiLedgerMessage() {
    }

    public static SlackMessage of(AiLedgerReport r) {
        List<String> lines = new ArrayList<>(List.of("*The team's AI, last " + r.days() + " days*, per surface and version: "
                + "answers · judged by people · kept · overridden (changed, discarded, dismissed or undone; an edited draft counts) · "
                + "failure modes tagged"));
        if (r.rows().isEmpty()) lines.add("• Nothing yet: no draft decided, no triage suggestion or duplicate flag in the window.");
        for (AiLedgerReport.Row row : r.rows()) lines.add(row(row));
        if (!r.triage().byConfidence().isEmpty()) lines.add(StatsMessage.calibration(r.triage()));
        if (!r.shadow().isEmpty()) {
            lines.add("*Shadow triage rules*, tried beside the live ones and shown to nobody:");
            r.shadow().forEach(s -> lines.add(shadow(s)));
        }
        for (AiLedgerReport.PromptTrial t : r.promptTrials()) {
            lines.add("*Triage prompt on trial* `" + Mrkdwn.escape(t.shadowVersion()) + "` beside `" + Mrkdwn.escape(t.liveVersion()) + "`: "
                    + t.answered() + " answered · same type and severity on " + t.agreed() + " · of " + t.decided()
                    + " people decided, right on " + t.shadowRight() + " against the live prompt's " + t.liveRight());
        }
        lines.add(r.drifting().isEmpty() ? "*Drift*: none; no surface's latest " + AcceptanceDrift.WINDOW + " verdicts fell well below those before them."
                : "*Drift*, the latest " + AcceptanceDrift.WINDOW + " verdicts against all before them:");
        r.drifting().forEach(d -> lines.add("• :warning: " + Mrkdwn.escape(d)));
        return SlackMessage.text(String.join("\n", lines));
    }

    /** What making the rule live would have done: how often it agreed with the live rules, and how its applied suggestions fared. */
    static String shadow(ShadowStats.Figures s) {
        String line = "• `" + Mrkdwn.escape(s.rule()) + "`: matched " + s.matched() + " · would apply " + s.wouldApply() + ", hold " + s.wouldHold()
                + " · agreed with the live rules on " + s.agreed() + " of " + s.matched();
        if (s.wouldApply() == 0) return line;
        return line + " · of those it would apply, people kept " + s.kept() + " and overrode " + s.overridden()
                + (s.waiting() > 0 ? " (" + s.waiting() + " waiting)" : "");
    }

    static String row(AiLedgerReport.Row row) {
        if (row.surface().equals(AiLedger.RULE)) {
            return String.format(Locale.ROOT, "• Triage rule `%s`: applied %d at once · people let %.0f%% stand, undid %.0f%%", Mrkdwn.escape(row.version()),
                    row.volume(), row.acceptance() * 100, row.overrideRate() * 100) + (row.modes().isEmpty() ? "" : " · " + modes(row.modes()));
        }
        if (row.surface().equals("runbook")) {
            return "• Runbook decision tree `" + Mrkdwn.escape(row.version()) + "`: marked wrong " + row.volume()
                    + (row.volume() == 1 ? " time" : " times") + (row.modes().isEmpty() ? "" : " · " + modes(row.modes()));
        }
        String line = "• " + surface(row.surface()) + " `" + Mrkdwn.escape(row.version()) + "`: " + row.volume() + " · " + row.judged()
                + " judged";
        if (row.judged() > 0) {
            line += String.format(Locale.ROOT, " · kept %.0f%% · overridden %.0f%%", row.acceptance() * 100, row.overrideRate() * 100);
        }
        if (row.edited() > 0) line += String.format(Locale.ROOT, " · mean edit %.0f%%", row.meanEditRatio() * 100);
        return line + (row.modes().isEmpty() ? "" : " · " + modes(row.modes()));
    }

    private static String modes(Map<String, Integer> modes) {
        return modes.entrySet().stream().map(e -> Mrkdwn.escape(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String surface(String id) {
        return switch (id) {
            case "summary" -> "Executive summary";
            case "rca" -> "Root-cause write-up";
            case "triage" -> "Triage";
            case "similar" -> "Similar cases";
            default -> id;
        };
    }
}
