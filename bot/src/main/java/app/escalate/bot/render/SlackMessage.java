package app.escalate.bot.render;

import com.slack.api.model.block.LayoutBlock;

import java.util.List;

/** A message as Slack takes it: the notification text, and blocks when there is more to show. */
public record SlackMessage(String text, List<LayoutBlock> blocks) {
    public SlackMessage {
        blocks = List.copyOf(blocks);
    }

    public static SlackMessage text(String text) {
        return new SlackMessage(text, List.of());
    }
}
