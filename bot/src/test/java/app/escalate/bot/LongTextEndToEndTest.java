package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text as long as people may write it, against a Slack that refuses blocks over Block Kit's limits:
 * the card stays valid and current. Before, a resolution over about 2,850 characters made the card's
 * section too long, Slack answered {@code invalid_blocks}, and the card went on showing the case open.
 */
class LongTextEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** One character to people and to Slack; two UTF-16 units to Java. */
    private static final String FIRE = "\uD83D\uDD25";

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private static String actionsBlockId(FakeSlackApi.Call card) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"block_id\":\"(case_actions:[^\"]+)\"").matcher(card.json("blocks"));
        assertThat(m.find()).as(card.json("blocks")).isTrue();
        return m.group(1);
    }

    @Test
    void a_150_character_emoji_title_and_a_3000_character_resolution_leave_a_valid_current_card() throws Exception {
        String title = FIRE.repeat(150);
        assertThat(harness.esc(MARIA, "C0TEAM", "open " + title + " sev3").get("text").getAsString()).contains("Opened *ESC-1*");
        String channel = harness.slack.await("pins.add").param("channel");
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> channel.equals(c.param("channel")))
                .first().satisfies(card -> assertThat(card.answeredOk()).isTrue());

        // "&" is escaped to "&amp;" on the card: 3,000 characters written become 4,000 to show.
        String resolution = "R&D took the clip down. ".repeat(125);
        assertThat(resolution.length()).isEqualTo(3_000);
        assertThat(harness.esc(MARIA, channel, "resolve " + resolution).get("text").getAsString()).contains("resolved");
        harness.settle();

        assertThat(harness.slack.calls("chat.update")).filteredOn(c -> channel.equals(c.param("channel")))
                .last().satisfies(card -> {
                    assertThat(card.answeredOk()).as(card.response()).isTrue();
                    assertThat(card.json("blocks")).contains("ESC-1 · SEV3 · resolved", "*Resolution*", "R&amp;D took the clip down.", "…");
                });
        assertThat(harness.slack.calls()).as("nothing Slack refused").allMatch(FakeSlackApi.Call::answeredOk);
        // Slack asks for a new block id when a message's content changes.
        String posted = actionsBlockId(harness.slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.param("channel"))).findFirst().orElseThrow());
        String updated = actionsBlockId(harness.slack.calls("chat.update").get(harness.slack.calls("chat.update").size() - 1));
        assertThat(updated).startsWith("case_actions:1:").isNotEqualTo(posted);
    }
}
