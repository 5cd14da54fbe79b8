package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /esc override}'s times are read in the person's Slack time zone, asked of Slack after the ack. */
class ZonedOverrideEndToEndTest {
    private static final String KENJI = "U0ESCKENJI";
    private static final String OVERRIDE = "override <@U0ESCKENJI|kenji> 2026-11-24 20:58 2026-11-25 02:00";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private String answer() throws InterruptedException {
        return harness.slack.await("response_url", c -> c.param("path").endsWith("/ov"), WAIT).param("text");
    }

    @Test
    void slack_failing_to_answer_for_a_while_delays_the_override_but_sets_it_once_in_the_right_zone() throws Exception {
        harness.slack.timeZone(KENJI, "Asia/Tokyo");
        harness.slack.failNext("users.info", 1, 503, Map.of(), "upstream connect error");

        harness.client().post(SignedSlackClient.slashCommand(KENJI, "C0TEAM", OVERRIDE, harness.slack.responseUrl("ov")));

        assertThat(answer()).startsWith("Override #1: <@U0ESCKENJI> is primary from <!date^" + Instant.parse("2026-11-24T11:58:00Z").getEpochSecond());
        assertThat(harness.slack.calls("users.info")).hasSize(2);
        assertThat(harness.esc(KENJI, "C0TEAM", "oncall").get("text").getAsString()).contains("Override #1").doesNotContain("Override #2");
    }

    @Test
    void slack_refusing_the_zone_sets_nothing_and_says_which_scope_is_missing() throws Exception {
        harness.slack.failNext("users.info", 1, 200, Map.of(),
                "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"users:read\",\"provided\":\"chat:write,commands\"}");

        harness.client().post(SignedSlackClient.slashCommand(KENJI, "C0TEAM", OVERRIDE, harness.slack.responseUrl("ov")));

        assertThat(answer()).isEqualTo("Your override was not set: Slack would not give your time zone (`missing_scope`, needed scope"
                + " `users:read`), and its times are read in it. Ask a Slack admin to add that scope to Escalate and reinstall it.");
        assertThat(harness.esc(KENJI, "C0TEAM", "oncall").get("text").getAsString()).doesNotContain("Override #");
    }

    @Test
    void a_mistyped_override_is_answered_in_the_ack_without_asking_slack() throws Exception {
        String ack = harness.esc(KENJI, "C0TEAM", "override <@U0ESCKENJI|kenji> tomorrow").get("text").getAsString();

        assertThat(ack).contains("`override` is `/esc override @person");
        assertThat(harness.slack.calls("users.info")).isEmpty();
    }
}
