package app.escalate.bot.render;

import app.escalate.commands.swap.SwapRequest;
import com.slack.api.model.block.LayoutBlock;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * A swap request ({@code /esc swap}) and what is said about it: the request with its Cover button
 * while it is open, the same message redrawn once it is covered or expired, the reminder, and the
 * direct messages to the requester and the coverer. The button's value is the request's id only.
 */
public final class SwapMessage {
    public static final String COVER = "swap_cover";

    private SwapMessage() {
    }

    /** The request as it stands: open with its Cover button, or settled without one. */
    public static SlackMessage request(SwapRequest r, String rotation) {
        String text = switch (r.state()) {
            case OPEN -> ":twisted_rightwards_arrows: " + (r.askedOf().isPresent()
                    ? Mrkdwn.user(r.requester().value()) + " asks you to cover " + what(r, rotation) + "."
                    : Mrkdwn.user(r.requester().value()) + " needs cover for " + what(r, rotation) + ".");
            case COVERED -> ":white_check_mark: " + Mrkdwn.user(r.requester().value()) + "'s " + what(r, rotation) + " is covered by "
                    + Mrkdwn.user(r.coverer().orElseThrow().value()) + ".";
            case EXPIRED -> ":hourglass: Nobody covered " + Mrkdwn.user(r.requester().value()) + "'s " + what(r, rotation) + ".";
            case CANCELLED -> Mrkdwn.user(r.requester().value()) + " no longer needs cover for " + what(r, rotation) + ".";
        };
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(text))));
        if (r.state() == SwapRequest.State.OPEN) {
            blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(COVER).value(Long.toString(r.id()))
                    .style("primary").text(plainText("Cover")))))));
        }
        return new SlackMessage(text, blocks);
    }

    public static String reminder(SwapRequest r, String rotation) {
        return ":bell: Still needed: " + Mrkdwn.user(r.requester().value()) + " needs cover for " + what(r, rotation)
                + ". Press *Cover* on the request to take it.";
    }

    /** To the requester, by direct message. */
    public static String covered(SwapRequest r, String rotation) {
        return ":white_check_mark: " + Mrkdwn.user(r.coverer().orElseThrow().value()) + " covers your " + what(r, rotation)
                + overrideNumber(r) + ". `/esc oncall` shows it.";
    }

    /** To whoever pressed Cover first. */
    public static String coverer(SwapRequest r, String rotation) {
        return ":white_check_mark: You cover " + Mrkdwn.user(r.requester().value()) + "'s " + what(r, rotation) + overrideNumber(r)
                + r.overrideId().map(id -> ". `/esc override remove " + id + "` gives it back").orElse("") + ".";
    }

    /** To the requester, by direct message, when the span began with nobody covering it. */
    public static String expired(SwapRequest r, String rotation) {
        return ":hourglass: Nobody covered your " + what(r, rotation) + "; the shift is still yours.";
    }

    /** "primary on Escalations on-call, <from>–<until>" with Slack date tokens, so each reader sees their own zone. */
    static String what(SwapRequest r, String rotation) {
        return r.level().label() + " on " + Mrkdwn.escape(rotation) + ", " + Mrkdwn.date(r.from()) + "–" + Mrkdwn.date(r.until());
    }

    private static String overrideNumber(SwapRequest r) {
        return r.overrideId().map(id -> " (override #" + id + ")").orElse("");
    }
}
