package app.escalate.bot.render;

import app.escalate.commands.SlackText;
import app.escalate.commands.handoff.ShiftReminder;
import com.slack.api.model.block.LayoutBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * The direct message that tells someone their shift starts soon: when, then a preview of the
 * handoff digest they will get at the boundary, as it stood when the reminder was sent. It is the
 * digest's own layout, headed as a preview and without the Accept button: there is nothing to
 * accept until the handoff itself arrives.
 */
public final class ShiftReminderMessage {
    public static final String PREVIEW = "Preview of your handoff digest";

    private ShiftReminderMessage() {
    }

    public static SlackMessage of(ShiftReminder r, String rotationName) {
        String starts = "Your shift on " + Mrkdwn.escape(rotationName) + " starts " + Mrkdwn.date(r.startsAt());
        List<LayoutBlock> blocks = new ArrayList<>(HandoffMessage.of(r.preview(), Optional.empty()).blocks());
        // The digest's first two blocks are its title and "who hands to whom, press Accept": a preview has its own.
        blocks.set(0, header(h -> h.text(plainText(SlackText.clip(PREVIEW + ": " + rotationName, 150)))));
        blocks.set(1, section(s -> s.text(markdownText(":hourglass_flowing_sand: " + starts + ", taking over from "
                + r.preview().header().outgoing().map(u -> Mrkdwn.user(u.value())).orElse("_nobody_") + ".\n*" + PREVIEW
                + "* as things stand " + Mrkdwn.date(r.remindedAt()) + ": the digest itself, with its *Accept handoff* button, "
                + "comes when your shift starts."))));
        return new SlackMessage(":hourglass_flowing_sand: " + starts + ". " + PREVIEW + " below.", blocks);
    }
}
