package app.escalate.bot.render;

import app.escalate.commands.Case;
import app.escalate.commands.Deadlines;
import app.escalate.commands.sla.DeadlineWatch;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackText;
import app.escalate.commands.CaseDecision;
import app.escalate.commands.fields.RequiredFields;
import app.escalate.commands.intake.MachineReport;
import app.escalate.config.CaseField;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;
import app.escalate.config.RootCause;
import app.escalate.config.SeverityPolicy;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

/**
 * The case card: what a responder needs at a glance, pinned in the case channel (and updated in
 * place after every change) and shown by {@code status}.
 */
public final class CaseCard {
    /** Action ids of the card's controls; their values carry the case number, never state. */
    public static final String ACKNOWLEDGE = "case_acknowledge";
    public static final String SEVERITY = "case_severity";
    public static final String ADD_NOTE = "case_add_note";

    /** Block Kit's limit on a section's text. */
    static final int SECTION_TEXT = 3_000;
    /** How much of one field's value the card shows; the rest is in {@code /esc timeline}. */
    static final int FACT = 200;
    /** Linked cases the card names; {@code /esc timeline} has every link. */
    static final int LINKS = 10;

    private CaseCard() {
    }

    public static SlackMessage of(CaseFile file, Policy policy) {
        return of(file, policy, Optional.empty());
    }

    /** For a case a machine raised ({@code report}), the card names the source and counts its reports. */
    public static SlackMessage of(CaseFile file, Policy policy, Optional<MachineReport> report) {
        Case c = file.details();
        SeverityPolicy sla = policy.severity(c.severity().level());
        List<TextObject> fields = new ArrayList<>();
        fields.add(markdownText("*Owner*\n" + c.owner().map(o -> Mrkdwn.user(o.value())).orElse("_unassigned_")));
        fields.add(markdownText("*Reporter*\n" + report.map(r -> "*" + Mrkdwn.escape(r.source()) + "* (machine), "
                + (r.reports() == 1 ? "reported once" : "reported " + r.reports() + " times")).orElse(Mrkdwn.user(c.reporter().value()))));
        fields.add(markdownText("*Opened*\n" + Mrkdwn.date(c.openedAt())));
        fields.add(markdownText("*Type*\n" + c.caseType().flatMap(policy::caseType).map(CaseType::label)
                .map(Mrkdwn::escape).orElse("_not set_")));
        c.surface().ifPresent(surface -> fields.add(markdownText("*Surface*\n" + Mrkdwn.escape(surface))));
        fields.add(markdownText("*Acknowledged*\n" + c.acknowledged()
                .map(a -> Mrkdwn.user(a.by().value()) + ", " + Mrkdwn.date(a.at()))
                .orElse(c.isOpen() ? "_not yet_ (by " + deadline(file, "ack", c.openedAt().plus(sla.ack())) + ")" : "_no_")));
        fields.add(markdownText("*Mitigate by*\n" + deadline(file, "mitigate", c.openedAt().plus(sla.mitigate()))));
        sla.resolveWithin().ifPresent(r -> fields.add(markdownText("*Resolve by*\n" + deadline(file, "resolve", c.openedAt().plus(r)))));
        fields.add(markdownText("*Stakeholders*\n" + (file.stakeholders().isEmpty() ? "_none yet_"
                : file.stakeholders().stream().sorted().map(Mrkdwn::escape).collect(Collectors.joining(", ")))));
        fields.add(markdownText("*Open tasks*\n" + file.openTasks()));

        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(headline(c) + (c.restricted() ? " · :lock: restricted" : "")
                + "\n" + Mrkdwn.escape(c.title())))));
        blocks.add(section(s -> s.fields(fields)));
        facts(file, policy).ifPresent(text -> blocks.add(section(s -> s.text(markdownText(text)))));
        deadlines(file, policy).ifPresent(text -> blocks.add(section(s -> s.text(markdownText(text)))));
        pendingSignOffs(file).ifPresent(text -> blocks.add(section(s -> s.text(markdownText(text)))));
        c.resolution().ifPresent(r -> {
            String heading = "*Resolution* (" + Mrkdwn.user(r.by().value()) + ", " + Mrkdwn.date(r.at()) + ")\n";
            String cause = r.rootCause().map(id -> "\n*Root cause:* " + Mrkdwn.escape(policy.rootCause(id).map(RootCause::label).orElse(id)))
                    .orElse("");
            // The longest resolution people may write, escaped, is more than a section holds: it gives way, not the cause.
            String text = Mrkdwn.clip(Mrkdwn.escape(r.text()), SECTION_TEXT - SlackText.length(heading) - SlackText.length(cause));
            blocks.add(section(s -> s.text(markdownText(heading + text + cause))));
        });
        blocks.add(actions(a -> a.blockId(actionsBlockId(c, blocks)).elements(controls(c))));
        blocks.add(context(x -> x.elements(List.of(markdownText(c.id() + " · " + Mrkdwn.escape(sla.label()) + links(file)
                + " · `/esc help` for commands")))));
        return new SlackMessage(c.id() + " " + c.severity() + " " + c.state().label() + ": " + Mrkdwn.escape(c.title()), blocks);
    }

    /**
     * The facts the case's type carries that are filled, each cut to what a card should show, and
     * those it needs next; nothing for a type without fields.
     */
    private static Optional<String> facts(CaseFile file, Policy policy) {
        Optional<CaseType> type = file.details().caseType().flatMap(policy::caseType);
        if (type.isEmpty() || type.get().fields().isEmpty()) return Optional.empty();
        List<String> lines = new ArrayList<>();
        for (CaseField f : type.get().fields()) {
            file.field(f.id()).ifPresent(v -> lines.add("*" + Mrkdwn.escape(f.label()) + ":* " + FieldText.value(Optional.of(f), v, FACT)));
        }
        RequiredFields.neededNext(policy, file).ifPresent(n -> lines.add(":warning: *Needed " + switch (n.by()) {
            case OPEN -> "now";
            case MITIGATED -> "to mitigate";
            case RESOLVE -> "to resolve";
        } + ":* " + n.fields().stream().map(f -> Mrkdwn.escape(f.label()) + " (`/esc set " + f.id() + "`)").collect(Collectors.joining(", "))));
        if (lines.isEmpty()) return Optional.empty();
        // Each value is cut at FACT characters; a type with many long ones is cut as a whole to what a section holds.
        return Optional.of(Mrkdwn.clip(String.join("\n", lines), SECTION_TEXT));
    }

    /** The deadlines others set for the case, open ones first, and its type's that start when a field is recorded. */
    private static Optional<String> deadlines(CaseFile file, Policy policy) {
        Optional<CaseType> type = file.details().caseType().flatMap(policy::caseType);
        List<Deadlines.Deadline> all = Deadlines.of(file, type);
        List<Deadlines.Waiting> waiting = Deadlines.waiting(file, type);
        if (all.isEmpty() && waiting.isEmpty()) return Optional.empty();
        List<String> lines = new ArrayList<>();
        // A resolved case's clocks stop: its open deadlines are shown as left open, without the time left.
        all.stream().filter(Deadlines.Deadline::isOpen).forEach(d -> lines.add("• " + (file.details().isOpen()
                ? DeadlineText.line(d, DeadlineWatch.recorded(file, d))
                : "*" + Mrkdwn.escape(d.name()) + "* " + Mrkdwn.date(d.due()) + " — left open when resolved")));
        waiting.forEach(w -> lines.add("• " + DeadlineText.waiting(w)));
        all.stream().filter(d -> !d.isOpen()).forEach(d -> lines.add("• " + DeadlineText.line(d, DeadlineWatch.recorded(file, d))));
        return Optional.of(Mrkdwn.clip("*Deadlines*\n" + String.join("\n", lines), SECTION_TEXT));
    }

    /** Decisions still waiting for sign-off, each with the groups it waits on; nothing when none waits. */
    private static Optional<String> pendingSignOffs(CaseFile file) {
        List<String> pending = file.decisions().stream().filter(d -> d.status() == CaseDecision.Status.PENDING)
                .map(d -> "#" + d.number() + " " + Mrkdwn.escape(SlackText.clip(d.text(), FACT)) + " (waiting on "
                        + d.waitingOn().stream().map(Mrkdwn::escape).collect(Collectors.joining(", ")) + ")").toList();
        if (pending.isEmpty()) return Optional.empty();
        return Optional.of(Mrkdwn.clip(":scales: *Pending sign-off:* " + String.join(" · ", pending) + " (`/esc decisions`)", SECTION_TEXT));
    }

    /** A deadline, with the time left (each reader's Slack words it) while it runs, and the breach once it is recorded. */
    private static String deadline(CaseFile file, String clock, java.time.Instant due) {
        boolean breached = file.slaAlerts().contains(app.escalate.commands.sla.SlaWatch.breachKey(clock));
        if (breached) return ":red_circle: " + Mrkdwn.date(due) + " — *breached*";
        return Mrkdwn.date(due) + (file.details().isOpen() ? " (" + Mrkdwn.ago(due) + ")" : "");
    }

    /** " · linked: ESC-4, ESC-9", the first {@link #LINKS} by number and how many more; nothing when none is linked. */
    private static String links(CaseFile file) {
        if (file.links().isEmpty()) return "";
        List<String> ids = file.links().stream().sorted(java.util.Comparator.comparingLong(CaseId::number)).map(CaseId::toString).toList();
        return " · linked: " + String.join(", ", ids.subList(0, Math.min(LINKS, ids.size())))
                + (ids.size() > LINKS ? " and " + (ids.size() - LINKS) + " more" : "");
    }

    /** The buttons people use most: acknowledge (until someone has), change severity, add a note. */
    private static List<BlockElement> controls(Case c) {
        String id = Long.toString(c.id().number());
        List<BlockElement> controls = new ArrayList<>();
        if (c.isOpen() && c.acknowledged().isEmpty()) {
            controls.add(button(b -> b.actionId(ACKNOWLEDGE).value(id).style("primary").text(plainText("Acknowledge"))));
        }
        if (c.isOpen()) {
            controls.add(staticSelect(s -> s.actionId(SEVERITY).placeholder(plainText("Change severity"))
                    .options(Arrays.stream(Severity.values()).filter(v -> v != c.severity())
                            .map(v -> option(plainText(v.name()), v.name())).toList())));
        }
        controls.add(button(b -> b.actionId(ADD_NOTE).value(id).text(plainText("Add note"))));
        return controls;
    }

    /**
     * {@code case_actions:<n>:<version>}: Slack asks for a new block id when a message's content
     * changes, so the id changes with what the card shows; the number is what clicks are read by.
     */
    private static String actionsBlockId(Case c, List<LayoutBlock> shown) {
        return "case_actions:" + c.id().number() + ":" + Integer.toUnsignedString((c.state() + "|" + c.severity() + "|" + c.acknowledged().isPresent()
                + "|" + shown).hashCode(), 36);
    }

    /** The case number a control's block belongs to ({@code case_actions:<n>}, with any version after it). */
    public static Optional<CaseId> caseNumberOf(String blockId) {
        if (blockId == null || !blockId.startsWith("case_actions:")) return Optional.empty();
        return CaseId.ofNumber(blockId.substring("case_actions:".length()).split(":", 2)[0]);
    }

    /** {@code *ESC-12 · SEV1 · triage*}: the first thing anyone reads. */
    public static String headline(Case c) {
        return "*" + c.id() + " · " + c.severity() + " · " + c.state().label() + "*";
    }

    /** The channel topic: {@code SEV1 · investigating · owner <@U…> · ESC-42}. */
    public static String topic(Case c) {
        return c.severity() + " · " + c.state().label() + " · "
                + c.owner().map(o -> "owner " + Mrkdwn.user(o.value())).orElse("no owner") + " · " + c.id();
    }
}
