package app.escalate.bot.render;

import app.escalate.commands.CaseId;
import app.escalate.config.DecisionTree;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * A decision tree's question in the case channel, with a button per answer. Each button's value
 * names the case, the question and the answer, so a click needs nothing else to be understood.
 */
public final class RunbookQuestion {
    public static final String ANSWER = "runbook_answer";
    /** Marks the tree wrong at this question (its answers do not fit the case); the value names the case and the question. */
    public static final String WRONG = "runbook_wrong";

    private RunbookQuestion() {
    }

    public static SlackMessage of(CaseId caseId, String questionId, DecisionTree.Question question) {
        List<BlockElement> buttons = new ArrayList<>();
        for (int i = 0; i < question.answers().size(); i++) {
            String value = value(caseId, questionId, i);
            String label = question.answers().get(i).label();
            int index = i;
            buttons.add(button(b -> b.actionId(ANSWER + ":" + index).value(value).text(plainText(label))));
        }
        buttons.add(button(b -> b.actionId(WRONG).value(caseId.number() + ":" + questionId).text(plainText("The tree was wrong here"))));
        List<LayoutBlock> blocks = List.of(
                section(s -> s.text(markdownText(":compass: *Runbook* · " + caseId + "\n" + Mrkdwn.escape(question.ask())))),
                actions(a -> a.blockId("runbook:" + caseId.number() + ":" + questionId).elements(buttons)));
        return new SlackMessage("Runbook question for " + caseId + ": " + question.ask(), blocks);
    }

    /** {@code <case number>:<question id>:<answer index>}. */
    static String value(CaseId caseId, String questionId, int answer) {
        return caseId.number() + ":" + questionId + ":" + answer;
    }

    /** The case and question "The tree was wrong here" names: {@code <case number>:<question id>}. */
    public static Optional<Place> wrongAt(String value) {
        if (value == null || !value.matches("\\d{1,12}:[a-z][a-z0-9_-]{0,39}")) return Optional.empty();
        String[] parts = value.split(":");
        return CaseId.ofNumber(parts[0]).map(id -> new Place(id, parts[1]));
    }

    /** A question of a case's decision tree. */
    public record Place(CaseId caseId, String question) {
    }

    /** The case, question and answer a button's value names. */
    public record Click(CaseId caseId, String question, int answer) {
        public static Optional<Click> parse(String value) {
            if (value == null || !value.matches("\\d{1,12}:[a-z][a-z0-9_-]{0,39}:\\d")) return Optional.empty();
            String[] parts = value.split(":");
            return CaseId.ofNumber(parts[0]).map(id -> new Click(id, parts[1], Integer.parseInt(parts[2])));
        }
    }
}
