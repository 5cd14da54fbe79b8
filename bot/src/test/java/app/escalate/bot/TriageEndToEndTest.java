package app.escalate.bot;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AI triage at intake, end to end: signed requests, the fake Slack, and LangChain4j's real OpenAI
 * client talking to a local fake model server. The example policy's rules apply a confident
 * deepfake at once and hold any SEV1 for a person.
 */
class TriageEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MARIA = "U0ESCMARIA";
    private static final String CHLOE = "U0ESCCHLOE";

    private static final FakeModelServer model = FakeModelServer.started();

    @RegisterExtension
    final BotHarness harness = new BotHarness().withEnv(model.env("2s"));

    @AfterAll
    static void stop() {
        model.close();
    }

    /** The model's answer to every triage request, by what the reporter wrote. */
    private static String triage(String userMessage) {
        if (userMessage.contains("candidate")) {
            return "```json\n{\"type\":{\"value\":\"deepfake\",\"confidence\":0.93},\"severity\":{\"value\":\"SEV1\",\"confidence\":0.88},"
                    + "\"surfaces\":{\"value\":[\"video\"],\"confidence\":0.8},"
                    + "\"rationale\":{\"value\":\"A synthetic video of a candidate days before a vote.\",\"confidence\":0.85}}\n```";
        }
        if (userMessage.contains("minister")) {
            return "{\"type\":{\"value\":\"deepfake\",\"confidence\":0.91},\"severity\":{\"value\":\"SEV2\",\"confidence\":0.84},"
                    + "\"surfaces\":{\"value\":[\"video\",\"feed\"],\"confidence\":0.7},"
                    + "\"rationale\":{\"value\":\"Face-swapped video of a public figure, spreading.\",\"confidence\":0.8}}";
        }
        return "{\"type\":{\"value\":null,\"confidence\":0.2},\"severity\":{\"value\":\"SEV3\",\"confidence\":0.4},"
                + "\"surfaces\":{\"value\":[],\"confidence\":0},\"rationale\":{\"value\":\"Too little to go on.\",\"confidence\":0.3}}";
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

    /** A click on a button of the triage message Slack posted at {@code ts} in {@code channel}. */
    private void click(String user, String channel, String ts, String actionId, String caseNumber) throws Exception {
        String action = """
                {"action_id":"%s","block_id":"triage:%s","text":{"type":"plain_text","text":"x"},"value":"%s",
                 "type":"button","action_ts":"1764300300.1"}""".formatted(actionId, caseNumber, caseNumber);
        String payload = SignedSlackClient.blockActions(user, channel, ts, harness.slack.responseUrl("click-" + user), action);
        assertThat(harness.client().postPayload(payload).statusCode()).isEqualTo(200);
    }

    private FakeSlackApi.Call announced(String channel, String text) throws InterruptedException {
        return harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").contains(text), WAIT);
    }

    @Test
    void a_confident_suggestion_is_applied_where_the_rules_allow_held_where_they_do_not_and_every_decision_is_counted() throws Exception {
        model.answerWith(TriageEndToEndTest::triage);

        // Applied at once: a confident SEV2 deepfake (rule confident-deepfake); Undo puts the case back.
        String minister = openAndAwaitChannel("Face-swapped video of the finance minister");
        FakeSlackApi.Call applied = triageMessage(minister);
        assertThat(applied.json("blocks")).contains("from `openai:fake-model`, prompt `triage.v2`",
                "*Deepfake / synthetic media* (91%) · *SEV2* (84%) · surfaces video, feed (70%)",
                "Face-swapped video of a public figure, spreading. (80%)", "Applied at once by rule `confident-deepfake`",
                "\"action_id\":\"triage_undo\"").doesNotContain("triage_accept");
        harness.slack.await("conversations.setTopic", c -> c.param("topic").startsWith("SEV2"), WAIT);
        assertThat(model.lastUserMessage()).contains("<case_data>", "Title: Face-swapped video of the finance minister");

        click(MARIA, minister, applied.answered("ts"), "triage_undo", "1");
        announced(minister, "<@" + MARIA + "> undid the AI triage suggestion: SEV2 · Deepfake / synthetic media · video, feed → *SEV3 · no type*");
        FakeSlackApi.Call redrawn = harness.slack.await("chat.update", c -> applied.answered("ts").equals(c.param("ts"))
                && c.json("blocks").contains("AI triage") && c.answeredOk(), WAIT);
        assertThat(redrawn.json("blocks")).contains("Decided; the timeline says how.").doesNotContain("triage_undo");
        click(MARIA, minister, applied.answered("ts"), "triage_undo", "1");
        assertThat(harness.slack.await("response_url", c -> c.param("path").endsWith("click-" + MARIA), WAIT).param("text"))
                .contains("was decided already");

        // Held: any SEV1 needs a person; Accept applies it, and says who.
        String candidate = openAndAwaitChannel("Deepfake of a candidate three days before the vote");
        FakeSlackApi.Call held = triageMessage(candidate);
        assertThat(held.json("blocks")).contains("*SEV1* (88%)", "Waiting for a person: rule `sev1-needs-a-human` asks for one",
                "\"action_id\":\"triage_accept\"", "\"action_id\":\"triage_change\"", "\"action_id\":\"triage_dismiss\"");
        click(CHLOE, candidate, held.answered("ts"), "triage_accept", "2");
        assertThat(harness.slack.await("response_url", c -> c.param("path").endsWith("click-" + CHLOE), WAIT).param("text"))
                .as("the reporter may not steer the case").contains("Only");
        click(MARIA, candidate, held.answered("ts"), "triage_accept", "2");
        announced(candidate, "<@" + MARIA + "> accepted the AI triage suggestion: SEV3 · no type → *SEV1 · Deepfake / synthetic media · video*");
        harness.slack.await("conversations.setTopic", c -> c.param("topic").startsWith("SEV1") && candidate.equals(c.param("channel")), WAIT);

        // Held because unsure: Change… opens a form whose choice is applied.
        String vague = openAndAwaitChannel("Something odd in the dashboards");
        FakeSlackApi.Call unsure = triageMessage(vague);
        assertThat(unsure.json("blocks")).contains("no type", "rule `unsure-needs-a-human`");
        click(MARIA, vague, unsure.answered("ts"), "triage_change", "3");
        FakeSlackApi.Call form = harness.slack.await("views.open", c -> c.json("view").contains("triage_change"), WAIT);
        assertThat(form.json("view")).contains("\"private_metadata\":\"3|" + vague + "|" + unsure.answered("ts") + "\"", "Cross-platform integrity failure");
        String submission = """
                {"type":"view_submission","team":{"id":"T0FAKE","domain":"fake"},
                 "user":{"id":"%s","username":"m","name":"m","team_id":"T0FAKE"},"api_app_id":"A0ESC","token":"t","trigger_id":"1",
                 "view":{"id":"V1","team_id":"T0FAKE","type":"modal","callback_id":"triage_change","private_metadata":"3|%s|%s","hash":"h",
                   "title":{"type":"plain_text","text":"Triage"},"blocks":[],
                   "state":{"values":{"type":{"type":{"type":"static_select","selected_option":{"value":"cross-platform-integrity"}}},
                                      "severity":{"severity":{"type":"static_select","selected_option":{"value":"SEV2"}}}}}}}"""
                .formatted(MARIA, vague, unsure.answered("ts"));
        assertThat(harness.client().postPayload(submission).body()).isEmpty();
        announced(vague, "<@" + MARIA + "> changed the AI triage suggestion: SEV3 · no type → *SEV2 · Cross-platform integrity failure*");
        harness.slack.await("chat.update", c -> vague.equals(c.param("channel")) && c.json("blocks").contains("Decided") && c.answeredOk(), WAIT);

        // Held, and dismissed.
        String another = openAndAwaitChannel("A deepfake of a candidate again");
        click(MARIA, another, triageMessage(another).answered("ts"), "triage_dismiss", "4");
        announced(another, "<@" + MARIA + "> dismissed the AI triage suggestion");

        JsonObject timeline = harness.esc(MARIA, candidate, "timeline");
        assertThat(timeline.get("text").getAsString()).contains("AI triage suggested *Deepfake / synthetic media* (93%)",
                "held for a person", "<@" + MARIA + "> accepted the AI triage suggestion");

        String stats = harness.esc(MARIA, "C0TEAM", "stats 7d").get("text").getAsString();
        assertThat(stats).contains("*AI triage*, kept as suggested (accepted, or applied and not undone)",
                "• By suggested type: deepfake 33% (1/3) · none 0% (0/1)",
                "• Overridden by people, by prompt version: `openai:fake-model triage.v2` 75% (3/4)",
                // The suggestion with no type counts as sure of nothing; the three between 70 and 90 % were kept once.
                "• Kept, by the suggestion's confidence (calibrated when each share matches its band): 0–50% 0% (0/1) · 70–90% 33% (1/3)");
    }
}
