package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** With no model configured, triage runs on the policy's keywords and the same routing rules. */
class TriageOfflineEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @Test
    void the_keywords_suggest_and_a_confident_match_is_applied() throws Exception {
        harness.esc("U0ESCCHLOE", "C0TEAM", "open Face swap deepfake of a public figure: a synthetic video is spreading, widespread on shorts");
        String channel = harness.slack.await("pins.add").param("channel");

        FakeSlackApi.Call message = harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel"))
                && c.json("blocks") != null && c.json("blocks").contains("AI triage"), WAIT);
        assertThat(message.json("blocks")).contains("from the policy's keywords",
                "*Deepfake / synthetic media* (85%) · *SEV2* (85%) · surfaces video (70%)",
                "Policy keywords in the case's text: \\\"deepfake\\\", \\\"synthetic video\\\", \\\"face swap\\\"",
                "Applied at once by rule `confident-deepfake`", "triage_undo");
        harness.slack.await("conversations.setTopic", c -> c.param("topic").startsWith("SEV2"), WAIT);
    }
}
