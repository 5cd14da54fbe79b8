package app.escalate.bot.render;

import com.slack.api.model.block.LayoutBlock;

import java.util.List;

/** A message as Slack takes it: the notification text, and blocks when there is more to show. */
public record SlackMessage(String text, List<LayoutBlock> blocks) {
    /** The most text Slack takes in a message ({@code msg_too_long} beyond it). */
    public static final int MAX_TEXT = 40_000;

    public SlackMessage {
        // Renderers keep their lines short; this is the last guard, so a message is never refused for its length.
        text = Mrkdwn.clip(text, MAX_TEXT);
        blocks = List.copyOf(blocks);
    }

    public static SlackMessage text(String text) {
        return new SlackMessage(text, List.of());
    }
}
