package app.escalate.bot;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A triage prompt version on trial ({@code triage.shadow_prompt}) beside the live one, with
 * LangChain4j talking to a local fake model: each new case is asked of both, the live answer
 * decides, nothing of the trial reaches Slack, and {@code /esc ai} compares the two on the cases
 * people decided.
 */
class TriagePromptTrialEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final FakeModelServer model = FakeModelServer.started();
    private static final AtomicInteger asked = new AtomicInteger();

    @RegisterExtension
    final BotHarness harness = new BotHarness(yaml -> yaml.replace("triage:\n  severity_keywords:", "triage:\n  shadow_prompt: triage.v1\n  severity_keywords:"))
            .withEnv(model.env("2s"));

    @AfterAll
    static void stop() {
        model.close();
    }

    @Test
    void the_prompt_on_trial_is_asked_beside_the_live_one_decides_nothing_and_is_compared_in_esc_ai() throws Exception {
        // The live prompt is asked first, then the one on trial: the live one says SEV2, the trial SEV1.
        model.answerWith(user -> asked.incrementAndGet() % 2 == 1
                ? "{\"type\":{\"value\":\"deepfake\",\"confidence\":0.91},\"severity\":{\"value\":\"SEV2\",\"confidence\":0.84},"
                + "\"surfaces\":{\"value\":[\"video\"],\"confidence\":0.7},\"rationale\":{\"value\":\"Face swap.\",\"confidence\":0.8}}"
                : "{\"type\":{\"value\":\"deepfake\",\"confidence\":0.9},\"severity\":{\"value\":\"SEV1\",\"confidence\":0.9},"
                + "\"surfaces\":{\"value\":[\"video\"],\"confidence\":0.7},\"rationale\":{\"value\":\"Face swap.\",\"confidence\":0.8}}");
        harness.esc("U0ESCCHLOE", "C0TEAM", "open Face-swapped video of the finance minister");
        String channel = harness.slack.await("pins.add").param("channel");
        FakeSlackApi.Call message = harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel"))
                && c.json("blocks") != null && c.json("blocks").contains("AI triage"), WAIT);
        assertThat(message.json("blocks")).contains("*SEV2* (84%)", "Applied at once by rule `confident-deepfake`");
        harness.settle();
        assertThat(asked.get()).as("each prompt asked once").isEqualTo(2);
        assertThat(harness.slack.calls()).as("nothing says the trial's answer").allSatisfy(c -> assertThat(c.params().values())
                .noneMatch(v -> v != null && v.contains("triage.v1")));

        String ai = harness.esc("U0ESCMARIA", "C0TEAM", "ai").get("text").getAsString();
        assertThat(ai).contains("*Triage prompt on trial* `triage.v1` beside `openai:fake-model triage.v2`: 1 answered · "
                + "same type and severity on 0 · of 1 people decided, right on 0 against the live prompt's 1");
    }
}
