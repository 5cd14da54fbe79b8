package app.escalate.bot.render;

import app.escalate.commands.Case;
import app.escalate.commands.CaseId;
import app.escalate.commands.PersonPage;

import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The direct message of a page someone asked for with {@code /esc page}: who asked and why, the
 * case and its channel, and an Acknowledge page button whose value names the case and the page.
 * Nothing in the value is trusted: the click is checked against the stored page (only its person
 * may acknowledge it).
 */
public final class PageMessage {
    public static final String ACKNOWLEDGE = "page_ack";

    private PageMessage() {
    }

    public static SlackMessage of(Case c, PersonPage page) {
        String asker = page.requestedBy().map(u -> Mrkdwn.user(u.value())).orElse("Someone");
        String why = page.reason().filter(r -> !c.restricted()).map(r -> ": _" + Mrkdwn.escape(r) + "_").orElse("");
        String where = c.channel().map(ch -> " in " + Mrkdwn.channel(ch.id().value())).orElse("");
        String text = ":pager: " + asker + " paged you for " + CaseCard.headline(c) + (c.restricted() ? " (restricted)" : " " + Mrkdwn.escape(c.title()))
                + where + page.group().map(g -> " (from `" + Mrkdwn.escape(g) + "`)").orElse("") + why
                + ".\nPress *Acknowledge page* so they know you have it; until then the page climbs your notify steps.";
        return new SlackMessage("You were paged for " + c.id(), List.of(
                section(s -> s.text(markdownText(text))),
                actions(a -> a.blockId(ACKNOWLEDGE + ":" + c.id().number() + ":" + page.number()).elements(List.of(
                        button(b -> b.actionId(ACKNOWLEDGE).value(value(c.id(), page.number())).style("primary")
                                .text(plainText("Acknowledge page"))))))));
    }

    static String value(CaseId id, int page) {
        return id.number() + "|" + page;
    }

    /** The case and page a button's value names; empty for anything else. */
    public record Target(CaseId caseId, int page) {
        public static Optional<Target> parse(String value) {
            if (value == null || !value.matches("\\d{1,12}\\|\\d{1,6}")) return Optional.empty();
            String[] parts = value.split("\\|");
            return Optional.of(new Target(new CaseId(Long.parseLong(parts[0])), Integer.parseInt(parts[1])));
        }
    }
}
