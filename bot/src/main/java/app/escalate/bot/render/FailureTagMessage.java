package app.escalate.bot.render;

import app.escalate.commands.CaseId;
import app.escalate.commands.AiOverride;
import app.escalate.config.FailureMode;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * Why the AI was overridden, asked with one button per failure mode: right after the override,
 * only for whoever made it, and again with {@code /esc tag} for the case's overrides so far (the
 * mode each is tagged with marked). A button's value names the case and the override; the mode is
 * in its action id. Nothing in it is trusted: the click is checked like a typed command.
 */
public final class FailureTagMessage {
    public static final String TAG = "ai_tag";
    /** The overrides {@code /esc tag} lists, latest first. */
    public static final int LISTED = 5;

    private FailureTagMessage() {
    }

    /** The question after an override. */
    public static SlackMessage offer(CaseId caseId, AiOverride o, List<FailureMode> modes) {
        String text = ":label: You " + Mrkdwn.escape(o.what()) + " on " + caseId + ". *What was wrong with it?* One click tags it with "
                + "the " + Mrkdwn.escape(o.version()) + " version, for the team's AI figures (`/esc ai`). Optional; `/esc tag` changes it later.";
        return new SlackMessage("What was wrong with the AI's answer on " + caseId + "?",
                List.of(section(s -> s.text(markdownText(text))), buttons(caseId, o, modes)));
    }

    /** {@code /esc tag}: the case's overrides, latest first, each with its tag and the buttons to set or change it. */
    public static SlackMessage list(CaseId caseId, List<AiOverride> overrides, List<FailureMode> modes) {
        if (modes.isEmpty()) return SlackMessage.text("This team's policy names no AI failure modes (`ai.failure_modes`), so there is nothing to tag with.");
        if (overrides.isEmpty()) {
            return SlackMessage.text("Nobody has overridden the AI on " + caseId + " yet: a discarded or edited draft, or a changed, "
                    + "dismissed or undone triage suggestion, can be tagged with why.");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*Overrides of the AI on " + caseId + "*: press a failure mode to tag or change why."))));
        List<AiOverride> latest = new ArrayList<>(overrides);
        java.util.Collections.reverse(latest);
        if (latest.size() > LISTED) {
            int earlier = latest.size() - LISTED;
            blocks.add(context(x -> x.elements(List.of(markdownText("The latest " + LISTED + " are listed; " + earlier
                    + (earlier == 1 ? " earlier one keeps its tag." : " earlier ones keep their tags."))))));
        }
        for (AiOverride o : latest.subList(0, Math.min(LISTED, latest.size()))) {
            String tag = o.tag().map(id -> modes.stream().filter(m -> m.id().equals(id)).map(FailureMode::label).findFirst().orElse(id))
                    .map(label -> "tagged *" + Mrkdwn.escape(label) + "*").orElse("not tagged");
            blocks.add(section(s -> s.text(markdownText("• " + Mrkdwn.escape(capitalized(o.what())) + " (" + Mrkdwn.escape(o.version()) + "): " + tag))));
            blocks.add(buttons(caseId, o, modes));
        }
        return new SlackMessage("Overrides of the AI on " + caseId, blocks);
    }

    private static LayoutBlock buttons(CaseId caseId, AiOverride o, List<FailureMode> modes) {
        List<BlockElement> buttons = new ArrayList<>();
        String value = value(caseId, o.subject());
        for (FailureMode m : modes) {
            boolean chosen = o.tag().equals(Optional.of(m.id()));
            buttons.add(button(b -> {
                b.actionId(TAG + ":" + m.id()).value(value).text(plainText(m.label()));
                return chosen ? b.style("primary") : b;
            }));
        }
        return actions(a -> a.blockId(TAG + ":" + caseId.number() + ":" + o.subject()).elements(buttons));
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String value(CaseId caseId, String subject) {
        return caseId.number() + "|" + subject;
    }

    /** What a click names: its case, the override's subject and the failure mode. */
    public record Click(CaseId caseId, String subject, String mode) {
        public static Optional<Click> parse(String actionId, String value) {
            if (actionId == null || value == null || !actionId.startsWith(TAG + ":")) return Optional.empty();
            String[] parts = value.split("\\|", 2);
            if (parts.length != 2) return Optional.empty();
            return CaseId.ofNumber(parts[0]).map(id -> new Click(id, parts[1], actionId.substring(TAG.length() + 1)));
        }
    }
}
