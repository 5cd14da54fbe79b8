package app.escalate.bot.render;

import app.escalate.commands.Case;
import app.escalate.commands.DraftKind;
import app.escalate.commands.DraftVersionStats;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;
import app.escalate.commands.summary.Draft;
import app.escalate.commands.summary.Drafts;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** A draft for its reviewer (with the checks' findings and the review buttons), and the approved text as posted. */
public final class DraftMessage {
    public static final String APPROVE = "draft_approve";
    public static final String EDIT = "draft_edit";
    public static final String REGENERATE = "draft_regenerate";
    public static final String DISCARD = "draft_discard";
    private static final int TEXT = 2_900;

    private DraftMessage() {
    }

    /** The draft, only for whoever asked: what the checks found first, then the text, then the buttons. */
    public static SlackMessage review(Draft d, Case c, Set<UserId> people) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*" + d.kind().label() + " draft — " + c.id() + "* · " + c.severity() + " · "
                + c.state().label() + "\n_Only you see this. Nothing is posted until you approve it._"))));
        if (!d.findings().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(SlackText.clip(d.findings().stream()
                    .map(f -> ":warning: " + Mrkdwn.escape(f)).collect(Collectors.joining("\n")), TEXT)))));
        }
        d.fallback().ifPresent(note -> blocks.add(context(x -> x.elements(List.of(markdownText(":information_source: " + Mrkdwn.escape(note)))))));
        sections(d.text(), people).forEach(part -> blocks.add(section(s -> s.text(markdownText(part)))));
        String id = Long.toString(d.id());
        // A draft with findings cannot go as is in one click: the form shows each, to correct or to confirm with a reason.
        List<BlockElement> review = d.openFindings().isEmpty()
                ? List.of(button(b -> b.actionId(APPROVE).value(id).style("primary").text(plainText("Approve & post"))),
                        button(b -> b.actionId(EDIT).value(id).text(plainText("Edit"))))
                : List.of(button(b -> b.actionId(EDIT).value(id).style("primary").text(plainText(Drafts.REVIEW_LABEL))));
        List<BlockElement> buttons = new ArrayList<>(review);
        buttons.add(button(b -> b.actionId(REGENERATE).value(id).text(plainText("Regenerate"))));
        buttons.add(button(b -> b.actionId(DISCARD).value(id).style("danger").text(plainText("Discard"))));
        blocks.add(actions(a -> a.blockId("draft:" + id).elements(buttons)));
        blocks.add(context(x -> x.elements(List.of(markdownText("prompt " + d.promptVersion() + " · " + Mrkdwn.escape(d.model())
                + " · " + String.format(Locale.ROOT, "%.1f s", d.latencyMillis() / 1000.0)
                + (d.inputTokens() + d.outputTokens() > 0 ? " · " + d.inputTokens() + " + " + d.outputTokens() + " tokens" : "")
                + " · draft " + id)))));
        return new SlackMessage(d.kind().label() + " draft for " + c.id(), blocks);
    }

    /** The approved text, in the case channel and (for a summary) the leadership channel. */
    public static SlackMessage posted(Draft d, Case c, Set<UserId> people) {
        String heading = "*" + d.kind().label() + " — " + c.id() + ": " + Mrkdwn.escape(SlackText.clip(c.title(), 150)) + "*";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(heading))));
        sections(d.postedText().orElse(d.text()), people).forEach(part -> blocks.add(section(s -> s.text(markdownText(part)))));
        blocks.add(context(x -> x.elements(List.of(markdownText(provenance(d)
                + c.channel().map(ch -> " · " + Mrkdwn.channel(ch.id().value())).orElse(""))))));
        return new SlackMessage(d.kind().label() + " " + c.id() + ": " + Mrkdwn.escape(SlackText.clip(c.title(), 150)), blocks);
    }

    /**
     * Who stands behind the posted text. Edited, part of it is the approver's own and nobody else
     * reviewed that part; with findings confirmed, the approver let the checks' warnings stand.
     */
    static String provenance(Draft d) {
        String who = d.reviewer().map(r -> Mrkdwn.user(r.value())).orElse("?");
        String source = d.model().equals("template") ? "from the template" : "drafted with AI";
        String line = d.edited()
                ? "Edited and approved by " + who + ": the edits are " + who + "'s own, reviewed by nobody else · " + source
                : "Approved by " + who + " · " + source + (d.model().equals("template") ? "" : ", reviewed by a person");
        int confirmed = d.confirmed().map(c -> c.findings().size()).orElse(0);
        return line + (confirmed == 0 ? "" : " · " + confirmed + (confirmed == 1 ? " check" : " checks") + " overridden by " + who);
    }

    /**
     * The text, escaped, in as many section texts as it takes to stay within Slack's 3,000
     * characters each; cut between lines, or between words in a very long line, never inside an
     * escape or a mention.
     */
    static List<String> sections(String raw, Set<UserId> people) {
        List<String> pieces = new ArrayList<>();
        for (String line : raw.split("\n", -1)) {
            String escaped = Mrkdwn.escapeKeepingMentions(line, people);
            if (escaped.length() <= TEXT) {
                pieces.add(escaped);
                continue;
            }
            StringBuilder part = new StringBuilder();
            for (String word : line.split(" ")) {
                String w = Mrkdwn.escapeKeepingMentions(word, people);
                if (w.length() > TEXT) w = w.substring(0, TEXT);   // one unbroken run of over 2,900 characters: nothing to keep whole
                if (part.length() > 0 && part.length() + 1 + w.length() > TEXT) {
                    pieces.add(part.toString());
                    part.setLength(0);
                }
                if (part.length() > 0) part.append(' ');
                part.append(w);
            }
            pieces.add(part.toString());
        }
        List<String> sections = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces) {
            if (current.length() > 0 && current.length() + 1 + piece.length() > TEXT) {
                sections.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) current.append('\n');
            current.append(piece);
        }
        if (!current.toString().isBlank()) sections.add(current.toString());
        return sections;
    }

    public static String execUpdateDue(Case c, Duration every) {
        return ":memo: An executive update is due for *" + c.id() + "* (" + c.severity() + ": every " + minutes(every)
                + "). Draft one with `/esc summary`; nothing reaches leadership until someone approves it.";
    }

    public static String drafting(app.escalate.commands.CaseId id, DraftKind kind) {
        return "Drafting the " + kind.label().toLowerCase(Locale.ROOT) + " of " + id + "… It will appear here, only for you, "
                + "to approve, edit, regenerate or discard.";
    }

    /** {@code /esc stats}: the AI drafts' record per prompt version. */
    public static SlackMessage stats(List<DraftVersionStats> stats) {
        if (stats.isEmpty()) return SlackMessage.text("*AI drafts*: none reviewed yet. `/esc summary` in a case channel drafts one.");
        List<String> lines = new ArrayList<>(List.of("*AI drafts*, by prompt version (posted as drafted / edited / discarded / regenerated)"));
        for (DraftVersionStats s : stats) {
            lines.add(String.format(Locale.ROOT, "• %s `%s`: %d decided · %d / %d / %d / %d · acceptance %.0f%% · mean edit %.0f%%%s",
                    s.kind().label(), s.promptVersion(), s.decided(), s.asIs(), s.edited(), s.discarded(), s.regenerated(),
                    s.acceptance() * 100, s.meanEditRatio() * 100, s.fellBack() > 0 ? " · " + s.fellBack() + " from the template" : ""));
        }
        return SlackMessage.text(String.join("\n", lines));
    }

    private static String minutes(Duration d) {
        return d.toMinutes() % 60 == 0 && d.toMinutes() >= 60 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
