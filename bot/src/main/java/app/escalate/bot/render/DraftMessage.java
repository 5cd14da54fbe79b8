package app.escalate.bot.render;

import app.escalate.commands.Case;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;
import app.escalate.commands.summary.Draft;
import app.escalate.commands.summary.DraftKind;
import app.escalate.commands.summary.DraftStats;
import com.slack.api.model.block.LayoutBlock;

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
        blocks.add(section(s -> s.text(markdownText(SlackText.clip(Mrkdwn.escapeKeepingMentions(d.text(), people), TEXT)))));
        String id = Long.toString(d.id());
        blocks.add(actions(a -> a.blockId("draft:" + id).elements(List.of(
                button(b -> b.actionId(APPROVE).value(id).style("primary").text(plainText("Approve & post"))),
                button(b -> b.actionId(EDIT).value(id).text(plainText("Edit"))),
                button(b -> b.actionId(REGENERATE).value(id).text(plainText("Regenerate"))),
                button(b -> b.actionId(DISCARD).value(id).style("danger").text(plainText("Discard")))))));
        blocks.add(context(x -> x.elements(List.of(markdownText("prompt " + d.promptVersion() + " · " + Mrkdwn.escape(d.model())
                + " · " + String.format(Locale.ROOT, "%.1f s", d.latencyMillis() / 1000.0)
                + (d.inputTokens() + d.outputTokens() > 0 ? " · " + d.inputTokens() + " + " + d.outputTokens() + " tokens" : "")
                + " · draft " + id)))));
        return new SlackMessage(d.kind().label() + " draft for " + c.id(), blocks);
    }

    /** The approved text, in the case channel and (for a summary) the leadership channel. */
    public static SlackMessage posted(Draft d, Case c, Set<UserId> people) {
        String heading = "*" + d.kind().label() + " — " + c.id() + ": " + Mrkdwn.escape(SlackText.clip(c.title(), 150)) + "*";
        String text = Mrkdwn.escapeKeepingMentions(d.postedText().orElse(d.text()), people);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(SlackText.clip(heading + "\n" + text, TEXT)))));
        blocks.add(context(x -> x.elements(List.of(markdownText("Approved by " + d.reviewer().map(r -> Mrkdwn.user(r.value())).orElse("?")
                + (d.model().equals("template") ? " · from the template" : " · drafted with AI, reviewed by a person")
                + c.channel().map(ch -> " · " + Mrkdwn.channel(ch.id().value())).orElse(""))))));
        return new SlackMessage(d.kind().label() + " " + c.id() + ": " + Mrkdwn.escape(SlackText.clip(c.title(), 150)), blocks);
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
    public static SlackMessage stats(List<DraftStats.VersionStats> stats) {
        if (stats.isEmpty()) return SlackMessage.text("*AI drafts*: none reviewed yet. `/esc summary` in a case channel drafts one.");
        List<String> lines = new ArrayList<>(List.of("*AI drafts*, by prompt version (posted as drafted / edited / discarded / regenerated)"));
        for (DraftStats.VersionStats s : stats) {
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
