package app.escalate.bot.render;

import app.escalate.commands.SlackText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MrkdwnTest {
    @Test
    void a_clip_marks_the_cut_and_counts_an_emoji_as_one() {
        assertThat(Mrkdwn.clip("short", 10)).isEqualTo("short");
        assertThat(Mrkdwn.clip("abcdefghij", 5)).isEqualTo("abcd…");
        String fire = "\uD83D\uDD25";
        assertThat(Mrkdwn.clip(fire.repeat(6), 5)).isEqualTo(fire.repeat(4) + "…");
    }

    @Test
    void a_clip_never_leaves_half_a_mention_link_or_entity() {
        String mention = "Owner " + Mrkdwn.user("U0ESCMARIA") + " said";
        assertThat(Mrkdwn.clip(mention, 12)).isEqualTo("Owner …");
        assertThat(Mrkdwn.clip("R&amp;D took it", 4)).isEqualTo("R…");
        assertThat(Mrkdwn.clip("R&amp;D took it", 8)).isEqualTo("R&amp;D…");
        for (int max = 2; max < 40; max++) {
            String clipped = Mrkdwn.clip("See " + Mrkdwn.date(java.time.Instant.EPOCH) + " &amp; " + Mrkdwn.user("U0ESCKENJI"), max);
            assertThat(SlackText.length(clipped)).isLessThanOrEqualTo(max);
            assertThat(clipped.chars().filter(ch -> ch == '<').count()).as(clipped).isEqualTo(clipped.chars().filter(ch -> ch == '>').count());
        }
    }
}
