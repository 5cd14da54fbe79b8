package app.escalate.bot.render;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.UserId;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The other messages the bot posts in a case channel: the runbook at open, and a briefing for a group looped in. */
public final class CaseMessages {
    /** How much recent history a briefing carries. */
    static final int BRIEFING_EVENTS = 5;

    private final Policy policy;
    private final EventText events;

    public CaseMessages(Policy policy) {
        this.policy = policy;
        this.events = new EventText(policy);
    }

    public SlackMessage runbook(CaseType type) {
        String steps = type.runbook().stream().map(step -> "☐ " + Mrkdwn.escape(step)).collect(Collectors.joining("\n"));
        return SlackMessage.text("*Runbook: " + Mrkdwn.escape(type.label()) + "*\n" + steps);
    }

    /** Addressed to the group's members: why they are here, and the case so far. */
    public SlackMessage briefing(CaseFile file, String group, List<UserId> members, List<CaseEvent> oldestFirst) {
        Case c = file.details();
        String who = members.isEmpty() ? "*" + Mrkdwn.escape(group) + "*"
                : members.stream().map(m -> Mrkdwn.user(m.value())).collect(Collectors.joining(" "));
        List<String> lines = new ArrayList<>();
        lines.add(who + ": you've been looped in as *" + Mrkdwn.escape(group) + "* on " + CaseCard.headline(c) + " "
                + Mrkdwn.escape(c.title()));
        lines.add("Opened " + Mrkdwn.date(c.openedAt()) + " by " + Mrkdwn.user(c.reporter().value()) + "; owner "
                + c.owner().map(o -> Mrkdwn.user(o.value())).orElse("not set yet") + "; " + file.openTasks() + " open task"
                + (file.openTasks() == 1 ? "" : "s") + ".");
        List<CaseEvent> recent = oldestFirst.subList(Math.max(0, oldestFirst.size() - BRIEFING_EVENTS), oldestFirst.size());
        lines.add("*Latest*");
        recent.forEach(e -> lines.add("• " + Mrkdwn.date(e.at()) + " " + events.line(e)));
        lines.add("The pinned card has the details; `/esc timeline` has the whole history.");
        return SlackMessage.text(String.join("\n", lines));
    }

    public EventText events() {
        return events;
    }

    public Policy policy() {
        return policy;
    }
}
