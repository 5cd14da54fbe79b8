package app.escalate.bot.render;

import app.escalate.commands.Handoff;
import app.escalate.commands.HandoffDigest.CaseLine;
import app.escalate.commands.HandoffDigest.Section;
import app.escalate.commands.HandoffDigest;
import app.escalate.commands.SlaClock;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;
import com.slack.api.model.block.LayoutBlock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The handoff digest as Block Kit: who hands to whom, what needs action in the next hour, every
 * open case by severity, what changed during the shift, open tasks, stakeholders waited on, the
 * watch list and the outgoing person's notes, then the Accept button. At most 20 blocks, and no
 * text over Slack's 3,000 characters: lines that do not fit become "…and N more".
 */
public final class HandoffMessage {
    public static final String ACCEPT = "handoff_accept";
    /** Slack's limits for a message: blocks, and characters in one section's text. */
    public static final int MAX_BLOCKS = 50;
    public static final int MAX_TEXT = 3000;
    private static final int BUDGET = MAX_TEXT - 100;
    /** Characters of a note shown; escaping may make them up to five times longer, and several must fit. */
    private static final int NOTE = 400;
    /** A case's pressing deadlines shown in its line; the card has them all. */
    private static final int PRESSING = 3;

    private HandoffMessage() {
    }

    /** The digest as posted; {@code handoffId} adds the Accept button. */
    public static SlackMessage of(HandoffDigest d, Optional<Long> handoffId) {
        HandoffDigest.Header h = d.header();
        List<LayoutBlock> blocks = new ArrayList<>();
        String title = (h.weekend() ? "Weekend handoff: " : "Handoff: ") + h.rotationName();
        blocks.add(header(x -> x.text(plainText(SlackText.clip(title, 150)))));
        blocks.add(section(s -> s.text(markdownText(clip(who(h))))));
        if (h.weekend()) {
            blocks.add(section(s -> s.text(markdownText(clip("*Weekend cover*: secondary "
                    + h.weekendSecondary().map(u -> Mrkdwn.user(u.value())).orElse("_nobody_ :warning:")
                    + (h.managers().isEmpty() ? "" : " · managers " + users(h.managers())))))));
        }
        blocks.add(divider());
        Instant now = d.builtAt();
        blocks.add(section(s -> s.text(markdownText(pack(":rotating_light: *Needs action in the next hour*", d.needsAction(),
                l -> line(l, now), "_Nothing is breached, at risk or unacknowledged._", "")))));
        if (d.bySeverity().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("*Open cases*: none" + (d.restrictedHidden() > 0 ? " you can see here." : ".")))));
        }
        for (HandoffDigest.SeverityGroup g : d.bySeverity()) {
            blocks.add(section(s -> s.text(markdownText(pack("*SEV" + g.severity() + "* · " + g.cases().total() + " open", g.cases(),
                    l -> line(l, now), "", " SEV" + g.severity())))));
        }
        if (d.restrictedHidden() > 0) {
            blocks.add(context(c -> c.elements(List.of(markdownText(":lock: " + d.restrictedHidden() + " restricted "
                    + (d.restrictedHidden() == 1 ? "case is" : "cases are") + " open; only their members see them, in their own digest.")))));
        }
        blocks.add(section(s -> s.text(markdownText(pack("*What changed this shift* (since " + Mrkdwn.date(h.shiftFrom()) + ")",
                d.changes(), c -> "• " + Mrkdwn.date(c.at()) + " *ESC-" + c.caseId() + "* " + Mrkdwn.escape(c.title()) + ": "
                        + Mrkdwn.escape(c.what()) + " (" + Mrkdwn.user(c.actor().value()) + ")", "_No case opened, resolved or re-rated._", "")))));
        if (!d.tasks().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(pack("*Open tasks*", d.tasks(), t -> "• *ESC-" + t.caseId() + "* #" + t.number() + " "
                    + Mrkdwn.escape(t.text()) + t.assignee().map(a -> " → " + Mrkdwn.user(a.value())).orElse(" _(unassigned)_"), "", "")))));
        }
        if (!d.waiting().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(pack("*Waiting on stakeholders*", d.waiting(), w -> "• *ESC-" + w.caseId() + "* SEV"
                    + w.severity() + " " + Mrkdwn.escape(w.title()) + ": " + Stream.concat(w.groups().stream().map(Mrkdwn::escape),
                    w.signOffs().stream().map(o -> "sign-off of " + Mrkdwn.escape(o))).collect(Collectors.joining(", ")), "", "")))));
        }
        if (h.weekend() && h.until().isPresent()) {
            blocks.add(section(s -> s.text(markdownText(pack(":calendar: *Deadlines before the weekend ends* (" + Mrkdwn.date(h.until().get()) + ")",
                    d.coverDeadlines(), x -> "• *ESC-" + x.caseId() + "* " + Mrkdwn.escape(x.title()) + ": " + deadline(x),
                    "_No deadline falls in the weekend._", "")))));
        }
        if (h.weekend() || !d.watched().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(pack(h.weekend() ? ":eyes: *Watch over the weekend*" : ":eyes: *Watch list*",
                    d.watched(), l -> line(l, now), "_Nothing flagged with `/esc watch`._", "")))));
        }
        if (!d.notes().isEmpty()) {
            List<String> notes = d.notes().stream().map(n -> "• " + Mrkdwn.user(n.author().value()) + ": "
                    + Mrkdwn.escape(SlackText.clip(n.text(), NOTE))).toList();
            blocks.add(section(s -> s.text(markdownText(pack("*Notes from the outgoing shift*", new Section<>(notes, notes.size()),
                    x -> x, "", "")))));
        }
        handoffId.ifPresent(id -> blocks.add(actions(a -> a.blockId("handoff:" + id).elements(List.of(button(b -> b.actionId(ACCEPT)
                .value(Long.toString(id)).style("primary").text(plainText("Accept handoff"))))))));
        blocks.add(context(c -> c.elements(List.of(markdownText(d.openTotal() + " open cases · built " + Mrkdwn.date(d.builtAt())
                + (handoffId.isPresent() ? " · only " + Mrkdwn.user(h.incoming().value()) + " can accept" : " · preview: `/esc handoff`"))))));
        String text = title + ": " + h.outgoing().map(u -> "<@" + u.value() + "> → ").orElse("") + "<@" + h.incoming().value() + ">";
        return new SlackMessage(text, blocks);
    }

    private static String who(HandoffDigest.Header h) {
        String from = h.outgoing().map(u -> Mrkdwn.user(u.value())).orElse("_nobody_");
        String late = h.late() ? "\n:hourglass: *Late*: this handoff was due at " + Mrkdwn.date(h.dueAt()) + " while the bot was down." : "";
        return from + " → " + Mrkdwn.user(h.incoming().value()) + " at " + Mrkdwn.date(h.dueAt()) + late
                + "\n" + Mrkdwn.user(h.incoming().value()) + ", read this, then press *Accept handoff* to take the pager.";
    }

    /** One open case: id, severity, state, owner, age, SLA clock and next step. */
    static String line(CaseLine l, Instant now) {
        String id = l.channel().map(ch -> "*ESC-" + l.caseId() + "* " + Mrkdwn.channel(ch)).orElse("*ESC-" + l.caseId() + "*");
        return "• " + id + " SEV" + l.severity() + " · " + l.state() + " · "
                + l.owner().map(o -> Mrkdwn.user(o.value())).orElse("_no owner_") + " · " + age(Duration.between(l.openedAt(), now))
                + " old" + l.sla().map(HandoffMessage::sla).orElse("") + (l.acknowledged() ? "" : " · *unacknowledged*")
                + "\n    " + Mrkdwn.escape(l.title()) + l.nextTask().map(t -> " — next: " + Mrkdwn.escape(t)).orElse("")
                + (l.needs().isEmpty() ? "" : " — still to record: " + l.needs().stream().map(Mrkdwn::escape).collect(Collectors.joining(", ")))
                + l.pressing().stream().limit(PRESSING).map(x -> "\n    " + deadline(x)).collect(Collectors.joining())
                + (l.pressing().size() > PRESSING ? "\n    …and " + (l.pressing().size() - PRESSING) + " more deadlines near or breached" : "");
    }

    /** A deadline others set: breached, near (past its warning) or running. */
    private static String deadline(HandoffDigest.DeadlineLine x) {
        String name = "deadline *" + Mrkdwn.escape(x.name()) + "*";
        return switch (x.standing()) {
            case BREACHED -> ":red_circle: " + name + " breached, was due " + Mrkdwn.date(x.due());
            case WARNED -> ":large_orange_circle: " + name + " due " + Mrkdwn.date(x.due());
            default -> name + " due " + Mrkdwn.date(x.due());
        };
    }

    private static String sla(SlaClock.Status s) {
        String mark = switch (s.standing()) {
            case BREACHED -> " · :red_circle: " + s.clock() + " breached, was due ";
            case AT_RISK -> " · :large_orange_circle: " + s.clock() + " due ";
            case ON_TRACK -> " · " + s.clock() + " by ";
        };
        return mark + Mrkdwn.date(s.due());
    }

    static String age(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) return minutes + "m";
        if (minutes < 48 * 60) return minutes / 60 + "h " + minutes % 60 + "m";
        return minutes / (24 * 60) + "d " + minutes % (24 * 60) / 60 + "h";
    }

    /** A heading and as many lines as fit in one section's text; the rest as a count. */
    static <T> String pack(String heading, Section<T> section, java.util.function.Function<T, String> render, String whenEmpty,
                           String noun) {
        if (section.isEmpty()) return whenEmpty.isEmpty() ? heading : heading + "\n" + whenEmpty;
        StringBuilder text = new StringBuilder(heading);
        int shown = 0;
        for (T item : section.shown()) {
            String line = "\n" + render.apply(item);
            if (text.length() + line.length() > BUDGET) break;
            text.append(line);
            shown++;
        }
        int more = section.total() - shown;
        if (more > 0) text.append("\n…and ").append(more).append(" more").append(noun);
        return text.toString();
    }

    private static String clip(String text) {
        return SlackText.clip(text, MAX_TEXT);
    }

    private static String users(List<UserId> users) {
        return users.stream().map(u -> Mrkdwn.user(u.value())).collect(Collectors.joining(", "));
    }

    /** One handoff as the audit trail shows it: when, who to whom, and what became of it. */
    public static String auditLine(Handoff h) {
        String outcome = switch (h.status()) {
            case ACCEPTED -> "accepted " + h.acceptedAt().map(at -> Mrkdwn.date(at) + " (after "
                    + age(Duration.between(h.postedAt(), at)) + ")").orElse("");
            case PENDING -> "*not accepted yet*";
            case SUPERSEDED -> "superseded before anyone accepted it";
            case MISSED -> h.late() ? "missed while the bot was down" : "passed over when the clock was moved on";
        };
        return "• " + Mrkdwn.date(h.dueAt()) + (h.weekend() ? " weekend" : "") + " " + h.outgoing().map(o -> Mrkdwn.user(o.value()))
                .orElse("_nobody_") + " → " + Mrkdwn.user(h.incoming().value()) + ": " + outcome
                + (h.late() && h.status() != Handoff.Status.MISSED ? " · posted late" : "")
                + (h.remindedAt().isPresent() ? " · reminded" : "") + (h.escalatedAt().isPresent() ? " · escalated" : "");
    }

    /** The notices about a handoff: accepted (to the channel), a reminder, an escalation. */
    public static String accepted(Handoff h, String rotationName) {
        return ":white_check_mark: " + Mrkdwn.user(h.incoming().value()) + " accepted the " + Mrkdwn.escape(rotationName) + " handoff"
                + h.outgoing().map(o -> " from " + Mrkdwn.user(o.value())).orElse("") + " (due " + Mrkdwn.date(h.dueAt()) + ").";
    }

    public static String reminder(Handoff h, String rotationName) {
        return ":bell: You took primary for " + Mrkdwn.escape(rotationName) + " at " + Mrkdwn.date(h.dueAt())
                + " and haven't accepted the handoff yet. Read the digest above and press *Accept handoff*.";
    }

    public static String escalation(Handoff h, String rotationName) {
        return ":warning: " + Mrkdwn.user(h.incoming().value()) + " has not accepted the " + Mrkdwn.escape(rotationName)
                + " handoff due " + Mrkdwn.date(h.dueAt()) + " (posted " + Mrkdwn.date(h.postedAt()) + "). Please make sure someone has the pager"
                + h.outgoing().map(o -> "; " + Mrkdwn.user(o.value()) + " handed over").orElse("") + ".";
    }
}
