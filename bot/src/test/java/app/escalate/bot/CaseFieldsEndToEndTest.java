package app.escalate.bot;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts a deepfake case carries, set with {@code /esc set} through signed commands: bad values
 * refused with what the field takes, a state that needs a field refused with its name, the card
 * showing what is filled and what is needed, evidence links posted without previews, and the
 * choices counted in {@code /esc stats}.
 */
class CaseFieldsEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";   // responder
    private static final String TEAM = "C0TEAM";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final BotHarness harness = new BotHarness();
    private String channel;

    @BeforeEach
    void open_a_deepfake_case() throws Exception {
        harness.esc(MARIA, TEAM, "open Deepfake of a minister spreading type:deepfake");
        harness.slack.await("chat.postMessage", c -> c.param("text") != null && c.param("text").startsWith("*Runbook: Deepfake"), WAIT);
        channel = harness.slack.calls("pins.add").get(0).param("channel");
    }

    private String esc(String text) throws Exception {
        JsonObject ack = harness.esc(MARIA, channel, text);
        return ack.get("text").getAsString();
    }

    @Test
    void bad_values_are_refused_a_state_waits_for_its_fields_and_the_card_shows_them() throws Exception {
        assertThat(esc("set")).startsWith("Fields of Deepfake / synthetic media: `depicted` (one of Public figure, Private person, Unknown,"
                + " needed to mitigate) · `media_url` (a link starting https://, needed to mitigate)");
        assertThat(esc("set media_url video.example/watch")).isEqualTo("`media_url` is a link starting http:// or https://, not `video.example/watch`.");
        assertThat(esc("set depicted Celebrity")).isEqualTo("`depicted` is one of Public figure, Private person, Unknown; `Celebrity` is not one of them.");
        esc("ack");
        assertThat(esc("state mitigated")).isEqualTo("ESC-1 cannot move to mitigated until these are set: `depicted` (Depicted person),"
                + " `media_url` (Media URL). `/esc set depicted &lt;value&gt;`.");
        harness.slack.await("chat.update", c -> c.json("blocks").contains("Needed to mitigate:* Depicted person (`/esc set depicted`),"
                + " Media URL (`/esc set media_url`)"), WAIT);

        esc("set depicted public figure");
        esc("set media_url <https://video.example/watch?v=1&amp;t=2|video.example/watch>");

        FakeSlackApi.Call announced = harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").contains("set *Media URL*"), WAIT);
        assertThat(announced.param("text")).contains("set *Media URL* to <https://video.example/watch?v=1&amp;t=2>");
        assertThat(announced.param("unfurl_links")).as("no link preview").isIn("0", "false");
        assertThat(announced.param("unfurl_media")).as("no media preview").isIn("0", "false");
        FakeSlackApi.Call card = harness.slack.await("chat.update", c -> c.json("blocks").contains("Media URL:*"), WAIT);
        assertThat(card.json("blocks")).contains("*Depicted person:* Public figure", "*Media URL:* <https://video.example/watch?v=1&amp;t=2>")
                .doesNotContain("Needed to mitigate");
        assertThat(esc("state mitigated")).contains("→ *mitigated*")
                .doesNotContain("cannot");
        assertThat(esc("timeline")).contains("set *Depicted person* to Public figure");
        assertThat(esc("stats")).contains("• By Depicted person (Deepfake / synthetic media): Public figure 1");
    }
}
