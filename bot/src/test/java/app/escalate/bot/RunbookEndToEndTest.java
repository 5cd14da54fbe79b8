package app.escalate.bot;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /esc runbook} on an LLM-hallucination case: the shipped decision tree walked by clicking its answer buttons. */
class RunbookEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private void answer(String channel, String value) throws Exception {
        String action = """
                {"action_id":"runbook_answer:%s","block_id":"runbook:%s","text":{"type":"plain_text","text":"x"},"value":"%s",
                 "type":"button","action_ts":"1764300300.1"}""".formatted(value.substring(value.lastIndexOf(':') + 1),
                value.substring(0, value.lastIndexOf(':')), value);
        String payload = SignedSlackClient.blockActions(MARIA, channel, "1764300300.000100", harness.slack.responseUrl("runbook"), action);
        assertThat(harness.client().postPayload(payload).statusCode()).isEqualTo(200);
    }

    private FakeSlackApi.Call question(String text) throws InterruptedException {
        return harness.slack.await("chat.postMessage", c -> c.json("blocks") != null && c.json("blocks").contains(text), WAIT);
    }

    @Test
    void theTreeIsWalkedToItsActionsAndEveryAnswerIsOnTheTimeline() throws Exception {
        harness.esc(MARIA, "C0TEAM", "open Assistant tells teens to double their insulin sev2 type:llm-hallucination");
        String channel = harness.slack.await("pins.add").param("channel");

        harness.esc(MARIA, channel, "runbook");
        FakeSlackApi.Call first = question("Could the output lead someone to physical, financial or legal harm");
        assertThat(first.json("blocks")).contains("\"value\":\"1:harm:0\"", "\"value\":\"1:harm:1\"", "Yes, it could cause real harm");

        answer(channel, "1:harm:0");
        question("Is the output public");
        harness.slack.await("conversations.setTopic", c -> c.param("topic").startsWith("SEV1"), WAIT);
        answer(channel, "1:reach:1");
        question("Does the same prompt still produce it?");
        answer(channel, "1:repeat:0");
        harness.slack.await("chat.postMessage", c -> c.param("text") != null && c.param("text").contains("That is the end of the runbook"), WAIT);

        answer(channel, "1:harm:1"); // an old button, clicked again
        assertThat(harness.slack.await("response_url", c -> c.param("path").endsWith("runbook"), WAIT).param("text"))
                .contains("no longer open");

        JsonObject timeline = harness.esc(MARIA, channel, "timeline");
        assertThat(timeline.get("text").getAsString())
                .contains("<@" + MARIA + "> started the *LLM hallucination* runbook")
                .contains("<@" + MARIA + "> answered _Could the output lead someone to physical, financial or legal harm (medical, self-harm, money, law)?_ → *Yes, it could cause real harm*")
                .contains("answered _Is the output public (screenshots on social media, press asking)?_ → *Not yet*")
                .contains("changed severity SEV2 → *SEV1*")
                .contains("looped in *eng*")
                .contains("Block the prompt pattern or roll back the model with its owners")
                .contains("Add the prompt to the safety eval set and track the fix")
                .doesNotContain("looped in *comms*");
        JsonObject tasks = harness.esc(MARIA, channel, "task list");
        assertThat(tasks.get("text").getAsString()).contains("1.").contains("2.");
    }

    @Test
    void aCaseWhoseTypeHasNoTreeIsToldSo() throws Exception {
        harness.esc(MARIA, "C0TEAM", "open Scam ads for a fake bank sev3 type:advertiser-integrity");
        String channel = harness.slack.await("pins.add").param("channel");
        JsonObject reply = harness.esc(MARIA, channel, "runbook");
        assertThat(reply.get("text").getAsString()).contains("has no decision tree");
    }
}
