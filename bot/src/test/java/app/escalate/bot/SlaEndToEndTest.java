package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** SLA warnings and breaches through the running bot: db-scheduler's sweep, the outbox, the fake Slack. */
class SlaEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @Test
    void the_channel_is_warned_at_three_quarters_of_the_ack_clock_once_and_the_card_shows_the_breach() throws Exception {
        harness.esc("U0ESCCHLOE", "C0TEAM", "open Refund scam spreading sev2");
        String channel = harness.slack.await("pins.add").param("channel");
        assertThat(harness.slack.calls("chat.postMessage").get(0).json("blocks")).contains("{ago}");

        harness.advance(Duration.ofMinutes(12));
        FakeSlackApi.Call warning = harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && isWarning(c), WAIT);
        assertThat(warning.param("text")).contains("75% of the *ack* SLA has run", "<@U0ESCAMARA>");
        harness.awaitRuns("sla-sweep", 1);   // a later sweep, still inside the ack clock, does not warn again
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(SlaEndToEndTest::isWarning).hasSize(1);

        harness.advance(Duration.ofMinutes(4));
        harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && isBreach(c), WAIT);
        harness.slack.await("chat.update", c -> c.json("blocks").contains("*breached*"), WAIT);
        assertThat(harness.get("/metrics").body()).contains("escalate_sla_breaches 1.0");
        harness.awaitRuns("sla-sweep", 1);   // a later sweep: nothing is raised twice
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(SlaEndToEndTest::isWarning).hasSize(1);
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(SlaEndToEndTest::isBreach).hasSize(1);
    }

    private static boolean isWarning(FakeSlackApi.Call call) {
        return call.param("text") != null && call.param("text").startsWith(":hourglass_flowing_sand:");
    }

    private static boolean isBreach(FakeSlackApi.Call call) {
        return call.param("text") != null && call.param("text").startsWith(":red_circle: The *ack* SLA is breached");
    }
}
