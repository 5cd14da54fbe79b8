package app.escalate.bot.render;

import app.escalate.commands.CaseId;
import app.escalate.commands.CaseDecision;
import app.escalate.config.Policy;
import com.slack.api.model.block.LayoutBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * A decision's request for sign-off in the case channel: the decision, each named group's answer,
 * and while it is pending, Approve and Object…. Each button's value names the case and the
 * decision; whoever clicks is checked against the policy's groups when the click arrives.
 */
public final class SignOffRequest {
    public static final String APPROVE = "decision_approve";
    public static final String OBJECT = "decision_object";
    private static final Pattern VALUE = Pattern.compile("(\\d{1,12}):(\\d{1,6})");

    private SignOffRequest() {
    }

    public static SlackMessage of(CaseId caseId, CaseDecision d, Policy policy) {
        List<String> lines = new ArrayList<>();
        lines.add(":scales: *Sign-off* · " + caseId + " · decision #" + d.number());
        lines.addAll(DecisionText.what(d));
        lines.addAll(DecisionText.standing(d, policy));
        String text = Mrkdwn.clip(String.join("\n", lines), 3000);
        List<LayoutBlock> blocks = new ArrayList<>(List.of(section(s -> s.text(markdownText(text)))));
        if (!d.isSettled()) {
            String value = caseId.number() + ":" + d.number();
            blocks.add(actions(a -> a.blockId("sign_off:" + value).elements(List.of(
                    button(b -> b.actionId(APPROVE).value(value).style("primary").text(plainText("Approve"))),
                    button(b -> b.actionId(OBJECT).value(value).style("danger").text(plainText("Object…")))))));
        }
        return new SlackMessage("Sign-off for decision #" + d.number() + " of " + caseId + ": " + d.status().label(), blocks);
    }

    /** The case and decision a button's value names. */
    public record Target(CaseId caseId, int decision) {
        public static Optional<Target> parse(String value) {
            if (value == null) return Optional.empty();
            Matcher m = VALUE.matcher(value);
            if (!m.matches()) return Optional.empty();
            return CaseId.ofNumber(m.group(1)).map(id -> new Target(id, Integer.parseInt(m.group(2))));
        }
    }
}
