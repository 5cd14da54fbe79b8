package app.escalate.commands;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlackTextTest {

    @Test
    void decodes_the_three_entities_slack_escapes() {
        assertThat(SlackText.plain("Ads &amp; apps &lt;b&gt; &amp;lt;")).isEqualTo("Ads & apps <b> &lt;");
    }

    @Test
    void turns_mentions_and_broadcasts_into_inert_text() {
        assertThat(SlackText.plain("<!channel> <!here> <@U0ESCMARIA|maria> <@U0ESCKENJI> <!subteam^S123|@legal>"))
                .isEqualTo("@channel @here @maria @U0ESCKENJI @legal");
    }

    @Test
    void keeps_channels_and_links_readable() {
        assertThat(SlackText.plain("see <#C0TEAM|escalations> and <https://example.com/a?b=1&amp;c=2|the report>"))
                .isEqualTo("see #escalations and the report (https://example.com/a?b=1&c=2)");
        assertThat(SlackText.plain("<https://example.com>")).isEqualTo("https://example.com");
    }

    @Test
    void a_literal_token_typed_by_a_person_stays_text() {
        assertThat(SlackText.plain("&lt;!channel&gt;")).isEqualTo("<!channel>");
        assertThat(SlackText.mentionedUsers("&lt;@U0ESCMARIA&gt;")).isEmpty();
    }

    @Test
    void lists_mentioned_people_in_order() {
        assertThat(SlackText.mentionedUsers("owner <@U0ESCKENJI|kenji> then <@U0ESCMARIA>"))
                .containsExactly(new UserId("U0ESCKENJI"), new UserId("U0ESCMARIA"));
    }

    @Test
    void plain_text_passes_through() {
        assertThat(SlackText.plain("Deepfake video of a candidate")).isEqualTo("Deepfake video of a candidate");
        assertThat(SlackText.plain(null)).isEmpty();
    }
}
