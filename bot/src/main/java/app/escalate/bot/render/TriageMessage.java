package app.escalate.bot.render;

import app.escalate.commands.CaseId;
import app.escalate.commands.EventData;
import app.escalate.commands.Guess;
import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.Suggestion;
import app.escalate.commands.TriageState;
import app.escalate.commands.triage.KeywordTriage;
import app.escalate.config.CaseField;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The AI triage suggestion in the case channel: type, severity and surfaces with their
 * confidences, the rationale, the field values proposed from the case's text (each with its
 * confidence and what became of it), and what happened to it. Held: Accept, Change… and Dismiss.
 * Applied: Undo, and while values wait, Accept and Reject for them. Each button's value is the case number.
 */
public final class TriageMessage {
    public static final String ACCEPT = "triage_accept";
    public static final String CHANGE = "triage_change";
    public static final String DISMISS = "triage_dismiss";
    public static final String UNDO = "triage_undo";

    /** A proposed value is shown in full up to this; the card and timeline have the rest. */
    private static final int MAX_VALUE = 200;

    private TriageMessage() {
    }

    public static SlackMessage of(CaseId id, EventData.TriageSuggested suggested, Optional<TriageState> state, Policy policy) {
        SuggestedTriage from = suggested.suggested();
        String source = from.source().equals(KeywordTriage.SOURCE) ? "from the policy's keywords"
                + from.fellBack().map(f -> " (the model gave no usable answer: " + Mrkdwn.escape(f) + ")").orElse("")
                : "from `" + Mrkdwn.escape(from.source()) + "`, prompt `" + Mrkdwn.escape(from.promptVersion()) + "`";
        List<String> lines = new ArrayList<>();
        lines.add(":robot_face: *AI triage* · " + id + " · " + source);
        lines.add(suggestion(suggested.suggestion(), policy));
        Guess<String> rationale = suggested.suggestion().rationale();
        if (!rationale.value().isEmpty()) {
            lines.add("> " + Mrkdwn.escape(rationale.value()) + " (" + percent(rationale.confidence()) + ")");
        }
        Map<String, TriageState.Proposed> proposed = state.map(TriageState::fields).orElse(Map.of());
        Optional<String> fieldsType = state.flatMap(TriageState::typeBefore).or(() -> suggested.suggestion().typeId());
        lines.addAll(fields(suggested.suggestion(), proposed, fieldsType, policy));
        boolean valuesWait = state.map(TriageState::holdsFields).orElse(false);
        boolean valuesSet = proposed.values().stream().anyMatch(p -> p.outcome() == TriageState.Outcome.APPLIED);
        TriageState.Status status = state.map(TriageState::status).orElse(TriageState.Status.DECIDED);
        String value = Long.toString(id.number());
        List<BlockElement> buttons = new ArrayList<>();
        if (status == TriageState.Status.APPLIED) {
            lines.add("Applied at once by rule `" + Mrkdwn.escape(suggested.rule().orElse("")) + "`. *Undo* puts the case back as it was opened"
                    + (valuesSet ? " (values set stay: `/esc set` changes them)" : "") + "."
                    + (valuesWait ? " The values waiting are yours to accept or reject." : ""));
            if (valuesWait) {
                buttons.add(button(b -> b.actionId(ACCEPT).value(value).style("primary").text(plainText("Accept values"))));
                buttons.add(button(b -> b.actionId(DISMISS).value(value).text(plainText("Reject values"))));
            }
            buttons.add(button(b -> b.actionId(UNDO).value(value).text(plainText("Undo"))));
        } else if (status == TriageState.Status.HELD) {
            lines.add("Waiting for a person: " + heldBecause(suggested) + "."
                    + (valuesWait ? " *Accept* also sets the values waiting; *Change…* and *Dismiss* leave them out." : ""));
            buttons.add(button(b -> b.actionId(ACCEPT).value(value).style("primary").text(plainText("Accept"))));
            buttons.add(button(b -> b.actionId(CHANGE).value(value).text(plainText("Change…"))));
            buttons.add(button(b -> b.actionId(DISMISS).value(value).text(plainText("Dismiss"))));
        } else {
            lines.add("Decided; the timeline says how.");
        }
        // Many proposed values at their longest are more than a section holds: they give way, the buttons stay.
        List<LayoutBlock> blocks = new ArrayList<>(List.of(section(s -> s.text(markdownText(Mrkdwn.clip(String.join("\n", lines),
                CaseCard.SECTION_TEXT))))));
        if (!buttons.isEmpty()) blocks.add(actions(a -> a.blockId("triage:" + id.number()).elements(buttons)));
        return new SlackMessage("AI triage for " + id + ": " + plain(suggested.suggestion(), policy), blocks);
    }

    /** {@code *Deepfake / synthetic media* (86%) · *SEV2* (80%) · surfaces video (70%)}. */
    public static String suggestion(Suggestion s, Policy policy) {
        String type = s.type().map(t -> "*" + Mrkdwn.escape(label(t.value(), policy)) + "* (" + percent(t.confidence()) + ")").orElse("no type");
        String surfaces = s.surfaces().value().isEmpty() ? "no surface named"
                : "surfaces " + Mrkdwn.escape(String.join(", ", s.surfaces().value())) + " (" + percent(s.surfaces().confidence()) + ")";
        return type + " · *" + s.severity().value() + "* (" + percent(s.severity().confidence()) + ") · " + surfaces;
    }

    /**
     * A line per proposed value still on record, in its type's order: the field, the value, how sure
     * the model was, and what became of it.
     */
    private static List<String> fields(Suggestion s, Map<String, TriageState.Proposed> proposed, Optional<String> type, Policy policy) {
        List<String> lines = new ArrayList<>();
        List<String> order = type.flatMap(policy::caseType).map(t -> t.fields().stream().map(CaseField::id).toList()).orElse(List.of());
        proposed.keySet().stream().filter(s.fields()::containsKey)
                .sorted(Comparator.comparingInt((String id) -> order.contains(id) ? order.indexOf(id) : order.size()).thenComparing(id -> id))
                .forEach(id -> {
                    Optional<CaseField> field = FieldText.field(policy, type, id);
                    TriageState.Proposed p = proposed.get(id);
                    lines.add("• " + Mrkdwn.escape(field.map(CaseField::label).orElse(id)) + ": " + FieldText.value(field, p.value(), MAX_VALUE)
                            + " (" + percent(s.fields().get(id).confidence()) + ") · " + outcome(p.outcome()));
                });
        if (!lines.isEmpty()) lines.add(0, "*Field values from the case's text:*");
        return lines;
    }

    private static String outcome(TriageState.Outcome outcome) {
        return switch (outcome) {
            case APPLIED -> "_set_";
            case HELD -> "_waiting_";
            case ACCEPTED -> "_accepted_";
            case REJECTED -> "_left out_";
            case KEPT -> "_not set: someone had given it a value_";
        };
    }

    private static String plain(Suggestion s, Policy policy) {
        return s.typeId().map(t -> label(t, policy)).orElse("no type") + ", " + s.severity().value();
    }

    private static String heldBecause(EventData.TriageSuggested e) {
        if (e.heldBecause().isPresent()) return Mrkdwn.escape(e.heldBecause().get());
        if (e.rule().isPresent()) return "rule `" + Mrkdwn.escape(e.rule().get()) + "` asks for one";
        return "no rule lets it apply on its own";
    }

    private static String label(String type, Policy policy) {
        return policy.caseType(type).map(CaseType::label).orElse(type);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
