package app.escalate.bot.render;

import app.escalate.commands.Case;
import app.escalate.commands.Reply;
import app.escalate.commands.Shift;
import app.escalate.commands.ShiftOverride;
import app.escalate.commands.Task;
import app.escalate.commands.Usage;
import app.escalate.config.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns a handler's {@link Reply} into the ephemeral message its requester sees. */
public final class ReplyRenderer {
    private final Policy policy;
    private final EventText events;

    public ReplyRenderer(Policy policy) {
        this.policy = policy;
        this.events = new EventText(policy);
    }

    /** A channel the policy names, by id ({@code C…}) or by name. */
    private static String channel(String channel) {
        return app.escalate.commands.ChannelId.parse(channel).map(id -> "<#" + id.value() + ">")
                .orElse("#" + Mrkdwn.escape(channel.startsWith("#") ? channel.substring(1) : channel));
    }

    public SlackMessage render(Reply reply) {
        if (reply instanceof Reply.Usage usage) {
            return SlackMessage.text(usage.problem().map(p -> Mrkdwn.escape(p) + "\n").orElse("")
                    + "*Usage*\n" + Usage.LINES.stream().map(Mrkdwn::escape).collect(Collectors.joining("\n")));
        }
        if (reply instanceof Reply.Refusal refusal) {
            return SlackMessage.text(Mrkdwn.escape(refusal.reason()));
        }
        if (reply instanceof Reply.CaseOpened opened) {
            Case c = opened.opened();
            return SlackMessage.text("Opened *" + c.id() + "* (" + c.severity() + "): " + Mrkdwn.escape(c.title())
                    + "\nSetting up #" + opened.channelName() + " and inviting you; the link follows here.");
        }
        if (reply instanceof Reply.OpenForm) {
            return SlackMessage.text("Open a case with `/esc open <title> [sev1-4] [type:<case-type>]`.");
        }
        if (reply instanceof Reply.CaseCard card) {
            return CaseCard.of(card.shown(), policy);
        }
        if (reply instanceof Reply.CaseList list) {
            return caseList(list);
        }
        if (reply instanceof Reply.Changed changed) {
            return SlackMessage.text("*" + changed.caseId() + "*: " + changed.events().stream().map(events::line)
                    .collect(Collectors.joining("\n")));
        }
        if (reply instanceof Reply.TimelinePage page) {
            return SlackMessage.text("*Timeline of " + page.caseId() + "*, newest first (page " + page.page() + " of "
                    + page.pages() + ")\n" + page.events().stream().map(e -> "• " + Mrkdwn.date(e.at()) + " " + events.line(e))
                    .collect(Collectors.joining("\n"))
                    + (page.page() < page.pages() ? "\nOlder: `/esc timeline " + (page.page() + 1) + "`" : ""));
        }
        if (reply instanceof Reply.TaskList list) {
            return SlackMessage.text(list.tasks().isEmpty() ? list.caseId() + " has no tasks yet: `/esc task add <text> [@person]`."
                    : "*Tasks of " + list.caseId() + "*\n" + list.tasks().stream().map(ReplyRenderer::task)
                    .collect(Collectors.joining("\n")));
        }
        if (reply instanceof Reply.DeadlineList list) {
            return SlackMessage.text(DeadlineText.list(list));
        }
        if (reply instanceof Reply.DecisionList list) {
            return SlackMessage.text(Mrkdwn.clip(list.decisions().isEmpty()
                    ? list.caseId() + " has no decisions yet: `/esc decide <decision> because <rationale> [needs: legal, policy]`."
                    : "*Decisions of " + list.caseId() + "*\n" + list.decisions().stream()
                    .map(d -> String.join("\n", DecisionText.what(d)) + (d.needs().isEmpty() ? "" : "\n" + String.join("\n", DecisionText.standing(d, policy))))
                    .collect(Collectors.joining("\n\n")), SlackMessage.MAX_TEXT));
        }
        if (reply instanceof Reply.OnCallNow onCall) {
            return onCall(onCall);
        }
        if (reply instanceof Reply.OverrideSet set) {
            return SlackMessage.text("Override #" + set.override().id() + ": " + override(set.override())
                    + " in " + Mrkdwn.escape(set.rotationName()) + ". `/esc override remove " + set.override().id() + "` undoes it.");
        }
        if (reply instanceof Reply.SwapCancelled cancelled) {
            return SlackMessage.text("Swap request #" + cancelled.id() + " is cancelled; its message no longer has a *Cover* button.");
        }
        if (reply instanceof Reply.SwapAsked asked) {
            String what = asked.level().label() + " on " + Mrkdwn.escape(asked.rotationName()) + ", " + Mrkdwn.date(asked.from()) + "–"
                    + Mrkdwn.date(asked.until());
            return SlackMessage.text("Swap request #" + asked.id() + ": asked " + asked.askedOf().map(u -> Mrkdwn.user(u.value()))
                    .orElse(channel(asked.channel())) + " to cover your " + what + ". The first to press *Cover* takes it as an"
                    + " override, and you are told by direct message; unanswered, it is reminded once and expires when the shift starts.");
        }
        if (reply instanceof Reply.OverrideRemoved removed) {
            return SlackMessage.text("Removed override #" + removed.override().id() + " (" + override(removed.override()) + ").");
        }
        if (reply instanceof Reply.HandoffPreview preview) {
            return HandoffMessage.of(preview.digest(), Optional.empty());
        }
        if (reply instanceof Reply.HandoffHistory history) {
            return SlackMessage.text(history.handoffs().isEmpty() ? "No handoffs of " + Mrkdwn.escape(history.rotation()) + " yet."
                    : "*Handoffs of " + Mrkdwn.escape(history.rotation()) + "*, newest first\n"
                    + history.handoffs().stream().map(HandoffMessage::auditLine).collect(Collectors.joining("\n")));
        }
        if (reply instanceof Reply.HandoffNoted noted) {
            return SlackMessage.text("Noted for the next handoff digest" + noted.rotation().map(r -> " of " + Mrkdwn.escape(r)).orElse("")
                    + noted.nextOnCall().map(u -> ", when " + Mrkdwn.user(u.value()) + " takes over").orElse("")
                    + noted.at().map(at -> " at " + Mrkdwn.date(at)).orElse("") + ".");
        }
        if (reply instanceof Reply.Drafting drafting) {
            return SlackMessage.text(DraftMessage.drafting(drafting.caseId(), drafting.kind()));
        }
        if (reply instanceof Reply.Stats stats) {
            return StatsMessage.of(stats);
        }
        if (reply instanceof Reply.OnCallReport report) {
            return SlackMessage.text(app.escalate.commands.oncall.FairnessText.mrkdwn(report.report())
                    + (report.csvQueued() ? "\n:memo: The same figures follow as a CSV file by direct message." : ""));
        }
        if (reply instanceof Reply.AiLedger ai) {
            return AiLedgerMessage.of(ai.report());
        }
        if (reply instanceof Reply.AiOverrideList list) {
            return FailureTagMessage.list(list.caseId(), list.overrides(), list.modes());
        }
        throw new AssertionError("unrendered reply " + reply);
    }

    private static SlackMessage caseList(Reply.CaseList list) {
        if (list.total() == 0) return SlackMessage.text("No open cases.");
        String lines = list.cases().stream().map(ReplyRenderer::line).collect(Collectors.joining("\n"));
        int more = list.total() - list.cases().size();
        return SlackMessage.text("*Open cases* (" + list.total() + "), most severe first\n" + lines
                + (more > 0 ? "\n…and " + more + " more" : ""));
    }

    /** Times as Slack date tokens, so each reader sees them in their own time zone. */
    private static SlackMessage onCall(Reply.OnCallNow onCall) {
        if (onCall.rotations().isEmpty()) return SlackMessage.text("The policy has no on-call rotations.");
        List<String> lines = new ArrayList<>();
        for (Reply.RotationNow r : onCall.rotations()) {
            lines.add("*" + Mrkdwn.escape(r.name()) + "*");
            lines.add("• Primary: " + holder(r.primary()));
            lines.add("• Secondary: " + holder(r.secondary()));
            lines.add("• Next handoff: " + r.next().map(s -> Mrkdwn.user(s.who().value()) + " takes primary at "
                    + Mrkdwn.date(s.from()) + " (" + Mrkdwn.escape(s.source()) + ")").orElse("_none in the next two weeks_"));
            r.overrides().forEach(o -> lines.add("• Override #" + o.id() + ": " + override(o)));
            r.pendingHandoffs().forEach(h -> lines.add("• :hourglass: Handoff to " + Mrkdwn.user(h.incoming().value()) + " due "
                    + Mrkdwn.date(h.dueAt()) + " is not accepted yet" + (h.escalatedAt().isPresent() ? " (escalated)"
                    : h.remindedAt().isPresent() ? " (reminded)" : "")));
        }
        return SlackMessage.text(String.join("\n", lines));
    }

    private static String override(ShiftOverride o) {
        return Mrkdwn.user(o.who().value()) + " is " + o.level().label() + " from " + Mrkdwn.date(o.from()) + " to " + Mrkdwn.date(o.until());
    }

    private static String holder(Optional<Shift> shift) {
        return shift.map(s -> Mrkdwn.user(s.who().value()) + " until " + Mrkdwn.date(s.until()) + " (" + Mrkdwn.escape(s.source()) + ")")
                .orElse("_nobody_ :warning:");
    }

    /** How much of a task's text the list shows: enough to know it, short enough for many tasks in one message. */
    static final int TASK_TEXT = 500;

    private static String task(Task t) {
        return (t.isDone() ? "☑ ~" : "☐ ") + t.number() + ". " + Mrkdwn.clip(Mrkdwn.escape(t.text()), TASK_TEXT) + (t.isDone() ? "~" : "")
                + t.assignee().map(a -> " " + Mrkdwn.user(a.value())).orElse("");
    }

    private static String line(Case c) {
        return "• " + CaseCard.headline(c) + " " + Mrkdwn.escape(c.title())
                + c.channel().map(ch -> " " + Mrkdwn.channel(ch.id().value())).orElse("");
    }
}
