package app.escalate.bot.render;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.TriageState;
import app.escalate.commands.triage.KeywordTriage;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The AI triage suggestion in the case channel: type, severity and surfaces with their
 * confidences, the rationale, and what happened to it. Held: Accept, Change… and Dismiss. Applied:
 * Undo. Each button's value is the case number.
 */
public final class TriageMessage {
    public static final String ACCEPT = "triage_accept";
    public static final String CHANGE = "triage_change";
    public static final String DISMISS = "triage_dismiss";
    public static final String UNDO = "triage_undo";

    private TriageMessage() {
    }

    public static SlackMessage of(CaseId id, CaseEvent suggested, Optional<TriageState> state, Policy policy) {
        String source = suggested.get("source").equals(KeywordTriage.SOURCE) ? "from the policy's keywords"
                + (suggested.get("fell_back").isEmpty() ? "" : " (the model gave no usable answer: " + Mrkdwn.escape(suggested.get("fell_back")) + ")")
                : "from `" + Mrkdwn.escape(suggested.get("source")) + "`, prompt `" + Mrkdwn.escape(suggested.get("prompt_version")) + "`";
        List<String> lines = new ArrayList<>();
        lines.add(":robot_face: *AI triage* · " + id + " · " + source);
        lines.add(suggestion(suggested, policy));
        if (!suggested.get("rationale").isEmpty()) {
            lines.add("> " + Mrkdwn.escape(suggested.get("rationale")) + " (" + percent(suggested.get("rationale_confidence")) + ")");
        }
        TriageState.Status status = state.map(TriageState::status).orElse(TriageState.Status.DECIDED);
        String value = Long.toString(id.number());
        List<BlockElement> buttons = new ArrayList<>();
        if (status == TriageState.Status.APPLIED) {
            lines.add("Applied at once by rule `" + Mrkdwn.escape(suggested.get("rule")) + "`. *Undo* puts the case back as it was opened.");
            buttons.add(button(b -> b.actionId(UNDO).value(value).text(plainText("Undo"))));
        } else if (status == TriageState.Status.HELD) {
            lines.add("Waiting for a person: " + heldBecause(suggested) + ".");
            buttons.add(button(b -> b.actionId(ACCEPT).value(value).style("primary").text(plainText("Accept"))));
            buttons.add(button(b -> b.actionId(CHANGE).value(value).text(plainText("Change…"))));
            buttons.add(button(b -> b.actionId(DISMISS).value(value).text(plainText("Dismiss"))));
        } else {
            lines.add("Decided; the timeline says how.");
        }
        List<LayoutBlock> blocks = new ArrayList<>(List.of(section(s -> s.text(markdownText(String.join("\n", lines))))));
        if (!buttons.isEmpty()) blocks.add(actions(a -> a.blockId("triage:" + id.number()).elements(buttons)));
        return new SlackMessage("AI triage for " + id + ": " + plain(suggested, policy), blocks);
    }

    /** {@code *Deepfake / synthetic media* (86%) · *SEV2* (80%) · surfaces video (70%)}, from the suggestion's event. */
    public static String suggestion(CaseEvent e, Policy policy) {
        String type = e.get("type").isEmpty() ? "no type" : "*" + Mrkdwn.escape(label(e.get("type"), policy)) + "* (" + percent(e.get("type_confidence")) + ")";
        String surfaces = e.get("surfaces").isEmpty() ? "no surface named"
                : "surfaces " + Mrkdwn.escape(e.get("surfaces")) + " (" + percent(e.get("surfaces_confidence")) + ")";
        return type + " · *" + e.get("severity") + "* (" + percent(e.get("severity_confidence")) + ") · " + surfaces;
    }

    private static String plain(CaseEvent e, Policy policy) {
        return (e.get("type").isEmpty() ? "no type" : label(e.get("type"), policy)) + ", " + e.get("severity");
    }

    private static String heldBecause(CaseEvent e) {
        if (!e.get("held_because").isEmpty()) return Mrkdwn.escape(e.get("held_because"));
        if (!e.get("rule").isEmpty()) return "rule `" + Mrkdwn.escape(e.get("rule")) + "` asks for one";
        return "no rule lets it apply on its own";
    }

    private static String label(String type, Policy policy) {
        return policy.caseType(type).map(CaseType::label).orElse(type);
    }

    private static String percent(String fraction) {
        try {
            return String.format(Locale.ROOT, "%.0f%%", Double.parseDouble(fraction) * 100);
        } catch (NumberFormatException e) {
            return "?";
        }
    }
}
