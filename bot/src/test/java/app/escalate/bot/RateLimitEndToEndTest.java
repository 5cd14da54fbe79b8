package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Slack rate-limits per method: after a 429 the bot calls that method again only once Retry-After has passed, and the others meanwhile. */
class RateLimitEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @Test
    void after_a_429_no_post_goes_out_before_retry_after_counted_from_slacks_answer_while_other_methods_go_on() throws Exception {
        harness.slack.latency("chat.postMessage", Duration.ofSeconds(1));   // Slack is slow to answer posts, the 429 too
        harness.slack.rateLimit("chat.postMessage", 1, 3);

        harness.esc(MARIA, "C0TEAM", "open Agent bought 400 gift cards sev2");
        FakeSlackApi.Call limited = harness.slack.await("chat.postMessage", c -> c.status() == 429, WAIT);
        harness.slack.latency("chat.postMessage", Duration.ZERO);
        harness.esc(MARIA, "C0TEAM", "open Chatbot invents a refund policy sev2");   // its card comes due while posts are paused

        harness.slack.await("pins.add", c -> harness.slack.calls("pins.add").size() == 2, WAIT);
        Instant resumed = limited.answeredAt().plusSeconds(3);
        List<FakeSlackApi.Call> later = harness.slack.calls("chat.postMessage").stream().filter(c -> c.at().isAfter(limited.at())).toList();
        assertThat(later).as("posts after the 429").hasSizeGreaterThanOrEqualTo(2)
                .extracting(FakeSlackApi.Call::at).allSatisfy(at -> assertThat(at).isAfterOrEqualTo(resumed));
        FakeSlackApi.Call secondChannel = harness.slack.await("conversations.create", c -> c.param("name").startsWith("esc-2-"), WAIT);
        assertThat(secondChannel.at()).as("conversations.create is not paused").isBefore(resumed);
    }
}
