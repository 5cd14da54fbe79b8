package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody acknowledges: after the ack timeout the scheduled sweep pages the secondary. The clock is
 * moved, not waited for; the sweep runs through db-scheduler as it does in production.
 */
class EscalationEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @Test
    void an_unacknowledged_case_pages_the_secondary_after_the_ack_timeout_and_an_ack_stops_the_chain() throws Exception {
        harness.esc("U0ESCCHLOE", "C0TEAM", "open Refund scam spreading sev2");
        String channel = harness.slack.await("pins.add").param("channel");
        harness.slack.await("chat.postMessage", c -> "U0ESCAMARA".equals(c.param("channel")), WAIT);
        assertThat(harness.slack.calls("chat.postMessage")).noneMatch(c -> "U0ESCKENJI".equals(c.param("channel")));

        harness.advance(Duration.ofMinutes(16));   // SEV2 must be acknowledged within 15 minutes

        FakeSlackApi.Call page = harness.slack.await("chat.postMessage", c -> "U0ESCKENJI".equals(c.param("channel")), WAIT);
        assertThat(page.param("text")).contains("You're secondary on call", "ESC-1");
        FakeSlackApi.Call said = harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel"))
                && c.param("text") != null && c.param("text").contains("was paged as secondary"), WAIT);
        assertThat(said.param("text")).startsWith("<@U0ESCKENJI> was paged as secondary on call (Escalations on-call): nobody acknowledged within 1");
        harness.slack.await("conversations.invite", c -> "U0ESCKENJI".equals(c.param("users")), WAIT);

        harness.esc("U0ESCKENJI", channel, "ack");
        harness.advance(Duration.ofMinutes(30));   // past the managers' turn, had nobody acknowledged
        harness.awaitRuns("escalation-sweep", 1);   // the sweep after it: nothing further may be paged

        assertThat(harness.slack.calls("chat.postMessage")).noneMatch(c -> "U0ESCHELEN".equals(c.param("channel")));
    }
}
