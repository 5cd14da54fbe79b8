package app.escalate.bot.render;

import app.escalate.commands.Case;
import app.escalate.commands.CaseDecision;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.EventData;
import app.escalate.config.Policy;
import com.slack.api.model.block.LayoutBlock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The cases like this one, in its channel when it opens: each with its state, severity, time to
 * mitigate, resolution, root cause and decisions, so a fix found last month is one click away. A
 * likely duplicate comes with *Merge into ESC-n* and *Not a duplicate* until someone judges it;
 * then it says how it was judged. Each button's value is {@code <case>:<flagged case>}.
 */
public final class SimilarMessage {
    public static final String MERGE = "similar_merge";
    public static final String NOT_DUPLICATE = "similar_not_duplicate";
    static final int TITLE = 150;
    static final int DECISIONS = 3;
    /** Block Kit's limit on a section's text: an entry's escaped decisions can pass it. */
    static final int SECTION = 3000;

    private SimilarMessage() {
    }

    /** A similar case as it is now, and how long it took to mitigate. */
    public record Shown(CaseFile file, Optional<Duration> timeToMitigate) {
    }

    /** The case a button acts on, and the case it was flagged as a duplicate of. */
    public record Target(CaseId caseId, CaseId flagged) {
        public static Optional<Target> parse(String value) {
            if (value == null) return Optional.empty();
            String[] parts = value.split(":", -1);
            if (parts.length != 2) return Optional.empty();
            Optional<CaseId> id = CaseId.ofNumber(parts[0]);
            Optional<CaseId> flagged = CaseId.ofNumber(parts[1]);
            return id.isPresent() && flagged.isPresent() ? Optional.of(new Target(id.get(), flagged.get())) : Optional.empty();
        }

        String value() {
            return caseId.number() + ":" + flagged.number();
        }
    }

    /** {@code shown}: the similar cases still fit to show (a case since made restricted is left out); {@code verdict}: the flag's judgement, if any. */
    public static SlackMessage of(CaseId id, EventData.SimilarFound found, List<Shown> shown, Optional<CaseEvent> verdict, Policy policy) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String head = ":mag: *Cases like " + id + "*, most alike first: what was found and done may save time.";
        blocks.add(section(s -> s.text(markdownText(head))));
        for (Shown s : shown) {
            String entry = entry(s, policy);
            blocks.add(section(b -> b.text(markdownText(entry))));
        }
        // A flagged case since made restricted is not named at all: neither its flag nor its button.
        Optional<CaseId> flagged = found.duplicateOf().filter(d -> shown.stream().anyMatch(s -> s.file().id().equals(d)));
        flagged.map(d -> flagLine(id, d, verdict)).ifPresent(line -> blocks.add(section(s -> s.text(markdownText(line)))));
        if (flagged.isPresent() && verdict.isEmpty()) {
            String value = new Target(id, flagged.get()).value();
            String into = "Merge into " + flagged.get();
            blocks.add(actions(a -> a.elements(List.of(
                    button(b -> b.actionId(MERGE).value(value).style("primary").text(plainText(into))),
                    button(b -> b.actionId(NOT_DUPLICATE).value(value).text(plainText("Not a duplicate")))))));
        }
        String text = "Cases like " + id + ": " + shown.stream().map(s -> s.file().id().toString()).collect(Collectors.joining(", "))
                + flagged.map(d -> "; likely a duplicate of " + d).orElse("");
        return new SlackMessage(text, blocks);
    }

    private static String flagLine(CaseId id, CaseId of, Optional<CaseEvent> verdict) {
        if (verdict.isEmpty()) {
            return ":twisted_rightwards_arrows: *" + id + " looks like a duplicate of " + of + "*, which is still open. If it is, merge it: "
                    + "its people and open tasks move there and this case is resolved as a duplicate.";
        }
        CaseEvent v = verdict.get();
        boolean confirmed = v.as(EventData.DuplicateJudged.class).map(EventData.DuplicateJudged::confirmed).orElse(false);
        return confirmed ? ":white_check_mark: Merged into *" + of + "* by " + Mrkdwn.user(v.actor().value()) + " " + Mrkdwn.date(v.at()) + "."
                : ":heavy_multiplication_x: " + Mrkdwn.user(v.actor().value()) + " judged it not a duplicate of *" + of + "* " + Mrkdwn.date(v.at()) + ".";
    }

    static String entry(Shown s, Policy policy) {
        Case c = s.file().details();
        StringBuilder line = new StringBuilder("• *" + c.id() + "* " + c.channel().map(ch -> Mrkdwn.channel(ch.id().value()) + " ").orElse("")
                + Mrkdwn.clip(Mrkdwn.escape(c.title()), TITLE));
        line.append("\n   SEV").append(c.severity().level()).append(" · ").append(c.state().label())
                .append(" · ").append(s.timeToMitigate().map(d -> "mitigated in " + StatsMessage.human(d)).orElse("not mitigated"));
        line.append(SearchResults.outcome(c, policy));
        List<CaseDecision> decisions = s.file().decisions();
        if (!decisions.isEmpty()) {
            line.append("\n   Decisions: ").append(decisions.stream().limit(DECISIONS).map(DecisionText::summary).collect(Collectors.joining("; ")))
                    .append(decisions.size() > DECISIONS ? "; and " + (decisions.size() - DECISIONS) + " more" : "");
        }
        return Mrkdwn.clip(line.toString(), SECTION);
    }
}
