package app.escalate.bot;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Field values proposed by AI triage, end to end through LangChain4j's OpenAI client and the fake
 * model server: under the example policy a confident value for a deepfake is set at once, a less
 * sure one waits for a click, one its field cannot hold is dropped, a value someone set stands,
 * and a restricted field is never named to the model.
 */
class TriageFieldsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MARIA = "U0ESCMARIA";
    private static final String CHLOE = "U0ESCCHLOE";
    private static final String MEDIA = "https://video.example/watch?v=1";

    private static final FakeModelServer model = FakeModelServer.started();

    // Long enough for a held answer to come back from the model rather than time out into the keywords.
    @RegisterExtension
    final BotHarness harness = new BotHarness().withEnv(model.env("20s"));

    @AfterAll
    static void stop() {
        model.close();
    }

    private static String triage(String userMessage) {
        if (userMessage.contains("minister")) {
            return """
                    {"type": {"value": "deepfake", "confidence": 0.91}, "severity": {"value": "SEV2", "confidence": 0.84},
                     "surfaces": {"value": ["video"], "confidence": 0.7}, "rationale": {"value": "Face swap of a minister.", "confidence": 0.8},
                     "fields": {"media_url": {"value": "%s", "confidence": 0.93},
                                "depicted": {"value": "public figure", "confidence": 0.7},
                                "spread": {"value": "12000", "confidence": 0.95},
                                "first_seen": {"value": "last Tuesday, I think", "confidence": 0.9}}}""".formatted(MEDIA);
        }
        return """
                {"type": {"value": "llm-hallucination", "confidence": 0.9}, "severity": {"value": "SEV2", "confidence": 0.85},
                 "surfaces": {"value": [], "confidence": 0}, "rationale": {"value": "An invented policy.", "confidence": 0.8},
                 "fields": {"prompt_excerpt": {"value": "my card number is 4111", "confidence": 0.99},
                            "model": {"value": "assistant-large", "confidence": 0.7},
                            "output_excerpt": {"value": "Refunds are paid in gift cards.", "confidence": 0.9}}}""";
    }

    private String openAndAwaitChannel(String title) throws Exception {
        int before = harness.slack.calls("pins.add").size();
        harness.esc(CHLOE, "C0TEAM", "open " + title);
        harness.slack.await("pins.add", c -> harness.slack.calls("pins.add").size() > before, WAIT);
        return harness.slack.calls("pins.add").get(before).param("channel");
    }

    private FakeSlackApi.Call triageMessage(String channel) throws InterruptedException {
        return harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.json("blocks") != null
                && c.json("blocks").contains("AI triage"), WAIT);
    }

    private int modelRequests() {
        return model.requests().size();
    }

    @Test
    void a_confident_value_is_set_a_less_sure_one_waits_for_a_click_and_neither_a_bad_value_nor_a_persons_is_lost() throws Exception {
        model.answerWith(TriageFieldsEndToEndTest::triage);
        int asked = modelRequests();
        // The model is still thinking while a responder records the spread: their value must stand.
        model.hold();
        String channel = openAndAwaitChannel("Face-swapped video of the finance minister type:deepfake");
        await().atMost(WAIT).until(() -> modelRequests() > asked);
        assertThat(harness.esc(MARIA, channel, "set spread 400").get("text").getAsString()).doesNotContain("not");
        model.release();

        FakeSlackApi.Call shown = triageMessage(channel);
        assertThat(shown.json("blocks")).contains("Field values from the case's text:",
                "• Media URL: <" + MEDIA + "> (93%) · _set_",
                "• Depicted person: Public figure (70%) · _waiting_",
                "• Spread estimate (views): 12000 (95%) · _not set: someone had given it a value_",
                "\"action_id\":\"triage_accept\"", "Accept values", "\"action_id\":\"triage_undo\"")
                .as("a time the field cannot hold is dropped").doesNotContain("First seen", "last Tuesday");
        harness.slack.await("chat.update", c -> channel.equals(c.param("channel")) && c.json("blocks").contains("*Media URL:* <" + MEDIA + ">")
                && c.json("blocks").contains("*Spread estimate (views):* 400"), WAIT);
        assertThat(harness.esc(MARIA, channel, "timeline").get("text").getAsString())
                .contains("AI triage set *Media URL* to <" + MEDIA + ">", "set *Spread estimate (views)* to 400")
                .doesNotContain("to 12000");

        String action = """
                {"action_id":"triage_accept","block_id":"triage:1","text":{"type":"plain_text","text":"x"},"value":"1",
                 "type":"button","action_ts":"1764300300.1"}""";
        harness.client().postPayload(SignedSlackClient.blockActions(MARIA, channel, shown.answered("ts"), harness.slack.responseUrl("click"), action));

        harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").contains("<@" + MARIA + "> set *Depicted person* to Public figure"), WAIT);
        harness.slack.await("chat.update", c -> channel.equals(c.param("channel")) && c.json("blocks").contains("*Depicted person:* Public figure"), WAIT);
        FakeSlackApi.Call redrawn = harness.slack.await("chat.update", c -> shown.answered("ts").equals(c.param("ts"))
                && c.json("blocks").contains("AI triage") && c.answeredOk(), WAIT);
        assertThat(redrawn.json("blocks")).contains("• Depicted person: Public figure (70%) · _accepted_", "\"action_id\":\"triage_undo\"")
                .doesNotContain("Accept values");

        // Evidence links never unfold into a preview, whichever message carries them.
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> channel.equals(c.param("channel"))).isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.param("unfurl_links")).isIn("0", "false");
                    assertThat(c.param("unfurl_media")).isIn("0", "false");
                });
    }

    @Test
    void a_restricted_field_is_never_named_to_the_model_nor_set_from_its_answer_and_a_waiting_value_can_be_rejected() throws Exception {
        model.answerWith(TriageFieldsEndToEndTest::triage);
        String channel = openAndAwaitChannel("The assistant invented a refund policy type:llm-hallucination");

        FakeSlackApi.Call shown = triageMessage(channel);
        String request = model.requests().get(model.requests().size() - 1).toString();
        assertThat(request).contains("output_excerpt: Output excerpt (long_text)", "reach: Reach estimate (people) (number)")
                .doesNotContain("prompt_excerpt", "Prompt excerpt");
        assertThat(shown.json("blocks")).contains("• Output excerpt: Refunds are paid in gift cards. (90%) · _set_")
                .doesNotContain("Prompt excerpt", "4111");
        assertThat(harness.esc(MARIA, channel, "timeline").get("text").getAsString()).doesNotContain("Prompt excerpt", "4111");

        assertThat(shown.json("blocks")).contains("• Model: assistant-large (70%) · _waiting_", "Reject values");
        String action = """
                {"action_id":"triage_dismiss","block_id":"triage:1","text":{"type":"plain_text","text":"x"},"value":"1",
                 "type":"button","action_ts":"1764300300.1"}""";
        harness.client().postPayload(SignedSlackClient.blockActions(MARIA, channel, shown.answered("ts"), harness.slack.responseUrl("click"), action));
        harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").contains("<@" + MARIA + "> left out values of the AI triage suggestion: Model: assistant-large → *not set*"), WAIT);
        FakeSlackApi.Call redrawn = harness.slack.await("chat.update", c -> shown.answered("ts").equals(c.param("ts"))
                && c.json("blocks").contains("AI triage") && c.answeredOk(), WAIT);
        assertThat(redrawn.json("blocks")).contains("• Model: assistant-large (70%) · _left out_", "\"action_id\":\"triage_undo\"")
                .doesNotContain("Reject values");
        String status = harness.esc(MARIA, channel, "status").toString();
        assertThat(status).contains("Refunds are paid in gift cards.").doesNotContain("assistant-large");
        assertThat(harness.esc(MARIA, channel, "timeline").get("text").getAsString())
                .contains("AI triage set *Output excerpt* to Refunds are paid in gift cards.").doesNotContain("set *Model*");
    }
}
