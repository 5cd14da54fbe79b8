package app.escalate.bot.render;

import app.escalate.commands.CaseDecision;
import app.escalate.commands.SignOff;
import app.escalate.config.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A decision in mrkdwn: what, why, instead of what, and where its sign-off stands, group by group. Every value a person wrote is escaped. */
public final class DecisionText {
    private DecisionText() {
    }

    /** The decision and its reasons, one line each. */
    static List<String> what(CaseDecision d) {
        List<String> lines = new ArrayList<>();
        lines.add("*#" + d.number() + " " + Mrkdwn.escape(EventText.clip(d.text())) + "*");
        lines.add("Because " + Mrkdwn.escape(EventText.clip(d.rationale()))
                + d.alternatives().stream().map(a -> "; instead of " + Mrkdwn.escape(EventText.clip(a))).collect(Collectors.joining()));
        lines.add("Decided by " + Mrkdwn.user(d.decider().value()) + " " + Mrkdwn.date(d.at()) + " · *" + d.status().label() + "*");
        return lines;
    }

    /** Each named group with its members and its answer (or that it is still awaited), then the override if any. */
    static List<String> standing(CaseDecision d, Policy policy) {
        List<String> lines = new ArrayList<>();
        for (String group : d.needs()) {
            String members = policy.group(group).stream().map(Mrkdwn::user).collect(Collectors.joining(", "));
            String answer = d.signOffs().stream().filter(s -> s.group().equals(group)).findFirst().map(DecisionText::answer)
                    .orElse(d.isSettled() ? "did not answer" : "waiting");
            lines.add("• *" + Mrkdwn.escape(group) + "*" + (members.isEmpty() ? "" : " (" + members + ")") + ": " + answer);
        }
        d.overruled().ifPresent(o -> lines.add("Its decider overrode the objection " + Mrkdwn.date(o.at()) + ": " + Mrkdwn.escape(EventText.clip(o.reason()))));
        return lines;
    }

    /** One line per decision, as {@code /esc decisions} and the card list them. */
    public static String summary(CaseDecision d) {
        return "#" + d.number() + " " + Mrkdwn.escape(EventText.clip(d.text())) + " · *" + d.status().label() + "*"
                + (d.status() == CaseDecision.Status.PENDING ? " (waiting on " + d.waitingOn().stream().map(Mrkdwn::escape)
                .collect(Collectors.joining(", ")) + ")" : "");
    }

    private static String answer(SignOff s) {
        return (s.verdict() == SignOff.Verdict.APPROVED ? "approved by " : "objected to by ") + Mrkdwn.user(s.by().value()) + " "
                + Mrkdwn.date(s.at()) + s.reason().map(r -> ": " + Mrkdwn.escape(EventText.clip(r))).orElse("");
    }
}
