package app.escalate.bot.sandbox;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the sandbox's sidebar marks on a channel, counted as Slack counts unread messages and mentions. */
class ChannelActivityTest {
    private static final String MARIA = "U0ESCMARIA";

    private static Workspace.Message said(String ts, String user, String text) {
        return new Workspace.Message("C0CH1", ts, user, text, null, null, false);
    }

    @Test
    void counts_what_came_after_the_last_read_message_and_what_of_it_mentions_the_reader() {
        List<Workspace.Message> messages = List.of(
                said("1764300100.000001", "U0BOT", "<@U0ESCMARIA> opened ESC-1"),
                said("1764300200.000002", "U0BOT", "Kenji acknowledged"),
                said("1764300200.000010", "U0BOT", "<@U0ESCMARIAX> is someone else"),
                said("1764300300.000003", MARIA, "<@U0ESCMARIA> her own message"),
                new Workspace.Message("C0CH1", "1764300400.000004", "U0BOT", "ESC-1 card",
                        JsonParser.parseString("[{\"type\":\"section\",\"fields\":[{\"type\":\"mrkdwn\",\"text\":\"*Owner*\\n<@U0ESCMARIA|maria>\"}]}]"),
                        null, false),
                said("1764300500.000005", "U0BOT", "<!here> handoff in 10 minutes"));

        ChannelActivity never = ChannelActivity.of(messages, MARIA, false, Optional.empty());
        ChannelActivity since = ChannelActivity.of(messages, MARIA, false, Optional.of("1764300200.000002"));

        assertThat(never).isEqualTo(new ChannelActivity("1764300500.000005", 5, 3));
        // Read up to Kenji's acknowledgement: its twin in the same second, with a higher sequence, is not read.
        assertThat(since).isEqualTo(new ChannelActivity("1764300500.000005", 3, 2));
        assertThat(ChannelActivity.of(messages, MARIA, false, Optional.of("1764300500.000005"))).isEqualTo(new ChannelActivity("1764300500.000005", 0, 0));
    }

    @Test
    void every_unread_direct_message_is_a_mention_and_an_empty_channel_has_nothing() {
        List<Workspace.Message> dms = List.of(said("1764300100.000001", "U0BOT", "You're primary on call"), said("1764300200.000002", "U0BOT", "Chart"));

        assertThat(ChannelActivity.of(dms, MARIA, true, Optional.of("1764300100.000001"))).isEqualTo(new ChannelActivity("1764300200.000002", 1, 1));
        assertThat(ChannelActivity.of(List.of(), MARIA, false, Optional.empty())).isEqualTo(new ChannelActivity(null, 0, 0));
    }

    @Test
    void timestamps_order_by_second_then_by_their_sequence() {
        assertThat(ChannelActivity.compareTs("1764300200.000010", "1764300200.000009")).isPositive();
        assertThat(ChannelActivity.compareTs("1764300199.999999", "1764300200.000001")).isNegative();
        assertThat(ChannelActivity.compareTs("1764300200.000001", "1764300200.000001")).isZero();
    }
}
