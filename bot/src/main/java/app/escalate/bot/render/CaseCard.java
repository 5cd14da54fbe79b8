package app.escalate.bot.render;

import app.escalate.commands.Case;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;
import app.escalate.config.SeverityPolicy;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/** The case card: what a responder needs at a glance, pinned in the case channel and shown by {@code status}. */
public final class CaseCard {
    private CaseCard() {
    }

    public static SlackMessage of(Case c, Policy policy) {
        SeverityPolicy sla = policy.severity(c.severity().level());
        List<TextObject> fields = new ArrayList<>();
        fields.add(markdownText("*Reporter*\n" + Mrkdwn.user(c.reporter().value())));
        fields.add(markdownText("*Owner*\n" + c.owner().map(o -> Mrkdwn.user(o.value())).orElse("_unassigned_")));
        fields.add(markdownText("*Opened*\n" + Mrkdwn.date(c.openedAt())));
        fields.add(markdownText("*Type*\n" + c.caseType().flatMap(policy::caseType).map(CaseType::label)
                .map(Mrkdwn::escape).orElse("_not set_")));
        fields.add(markdownText("*Ack by*\n" + Mrkdwn.date(c.openedAt().plus(sla.ack()))));
        fields.add(markdownText("*Mitigate by*\n" + Mrkdwn.date(c.openedAt().plus(sla.mitigate()))));

        List<LayoutBlock> blocks = List.of(
                section(s -> s.text(markdownText(headline(c) + "\n" + Mrkdwn.escape(c.title())))),
                section(s -> s.fields(fields)),
                context(x -> x.elements(List.of(markdownText(c.id() + " · " + Mrkdwn.escape(sla.label())
                        + " · `/esc help` for commands")))));
        return new SlackMessage(c.id() + " " + c.severity() + " " + c.state().label() + ": " + Mrkdwn.escape(c.title()), blocks);
    }

    /** {@code *ESC-12 · SEV1 · triage*}: the first thing anyone reads. */
    static String headline(Case c) {
        return "*" + c.id() + " · " + c.severity() + " · " + c.state().label() + "*";
    }
}
