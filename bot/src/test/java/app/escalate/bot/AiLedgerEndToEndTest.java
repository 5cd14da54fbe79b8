package app.escalate.bot;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why people overrode the AI, end to end: the failure-mode question after a discarded draft and a
 * changed triage suggestion, its buttons checked like a typed command, the tag changed later with
 * {@code /esc tag}, and each tag counted in {@code /esc ai} with its prompt version.
 */
class AiLedgerEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MARIA = "U0ESCMARIA";
    private static final String CHLOE = "U0ESCCHLOE";
    private static final String EVE = "U0OUTSIDER";
    private static final Pattern DRAFT = Pattern.compile("draft (\\d+)");

    private static final FakeModelServer model = FakeModelServer.started();

    @RegisterExtension
    final BotHarness harness = new BotHarness().withEnv(model.env("2s"));

    @AfterAll
    static void stop() {
        model.close();
    }

    private String open(String title) throws Exception {
        int before = harness.slack.calls("pins.add").size();
        harness.esc(CHLOE, "C0TEAM", "open " + title);
        harness.slack.await("pins.add", c -> harness.slack.calls("pins.add").size() > before, WAIT);
        return harness.slack.calls("pins.add").get(before).param("channel");
    }

    /** The question only {@code user} sees in {@code channel}, once it is posted. */
    private FakeSlackApi.Call offered(String user, String channel) throws InterruptedException {
        return harness.slack.await("chat.postEphemeral", c -> user.equals(c.param("user")) && channel.equals(c.param("channel"))
                && c.param("blocks") != null && c.param("blocks").contains("What was wrong with it?"), WAIT);
    }

    /** A click on the failure-mode button {@code mode} whose value is {@code value}, from {@code channel}. */
    private void tag(String user, String channel, String mode, String value) throws Exception {
        String action = """
                {"action_id":"ai_tag:%s","block_id":"ai_tag:x","text":{"type":"plain_text","text":"x"},"value":"%s",
                 "type":"button","action_ts":"1764300300.1"}""".formatted(mode, value);
        String payload = SignedSlackClient.blockActions(user, channel, "1764300000.000900", harness.slack.responseUrl("tag-" + user), action);
        assertThat(harness.client().postPayload(payload).statusCode()).isEqualTo(200);
    }

    private String toldTo(String user, int before) throws InterruptedException {
        return harness.slack.await("response_url", c -> c.param("path").endsWith("tag-" + user)
                && harness.slack.calls("response_url").stream().filter(x -> x.param("path").endsWith("tag-" + user)).count() > before, WAIT)
                .param("text");
    }

    private String lastToldTo(String user, int before) throws InterruptedException {
        toldTo(user, before);
        return harness.slack.calls("response_url").stream().filter(x -> x.param("path").endsWith("tag-" + user)).skip(before).findFirst()
                .orElseThrow().param("text");
    }

    private int told(String user) {
        return (int) harness.slack.calls("response_url").stream().filter(x -> x.param("path").endsWith("tag-" + user)).count();
    }

    @Test
    void a_discarded_draft_tagged_invented_fact_is_counted_in_esc_ai_with_its_prompt_version_and_the_tag_can_be_changed_later() throws Exception {
        model.answerWith(user -> user.contains("Case id:") ? "Bottom line: ESC-1 (SEV2, triage): the minister resigned over the video."
                : "{\"type\":{\"value\":null,\"confidence\":0.2},\"severity\":{\"value\":\"SEV3\",\"confidence\":0.4},"
                + "\"surfaces\":{\"value\":[],\"confidence\":0},\"rationale\":{\"value\":\"Too little.\",\"confidence\":0.3}}");
        String channel = open("Deepfake of a minister spreading sev2");
        harness.esc(MARIA, channel, "ack");
        harness.esc(MARIA, channel, "summary");
        FakeSlackApi.Call shown = harness.slack.await("response_url", c -> c.param("blocks") != null && c.param("blocks").contains("draft_discard"), WAIT);
        Matcher m = DRAFT.matcher(shown.param("blocks"));
        assertThat(m.find()).isTrue();
        String draft = m.group(1);
        String click = """
                {"action_id":"draft_discard","block_id":"draft:%s","text":{"type":"plain_text","text":"x"},"value":"%s","type":"button",
                 "action_ts":"1764300300.1"}""".formatted(draft, draft);
        harness.client().postPayload(SignedSlackClient.blockActions(MARIA, channel, "1764300000.000900", harness.slack.responseUrl("d"), click));

        FakeSlackApi.Call question = offered(MARIA, channel);
        assertThat(question.param("blocks")).contains("You discarded the executive summary draft " + draft + " on ESC-1",
                "exec-summary.v1", "\"action_id\":\"ai_tag:invented-fact\"", "\"action_id\":\"ai_tag:wrong-severity\"", "\"value\":\"1|draft:" + draft + "\"");

        // Someone not working the case, and a value naming a draft that is not this case's, change nothing.
        int eve = told(EVE);
        tag(EVE, channel, "invented-fact", "1|draft:" + draft);
        assertThat(lastToldTo(EVE, eve)).contains("are for the people working it");
        int maria = told(MARIA);
        tag(MARIA, channel, "invented-fact", "1|draft:999");
        assertThat(lastToldTo(MARIA, maria)).contains("Nothing on ESC-1 overrode the AI as that");
        tag(MARIA, channel, "no-such-mode", "1|draft:" + draft);
        assertThat(lastToldTo(MARIA, maria + 1)).contains("There is no failure mode `no-such-mode`");

        tag(MARIA, channel, "invented-fact", "1|draft:" + draft);
        assertThat(lastToldTo(MARIA, maria + 2)).startsWith("Tagged Invented fact.");
        tag(MARIA, channel, "invented-fact", "1|draft:" + draft);
        assertThat(lastToldTo(MARIA, maria + 3)).as("the same tag twice is one tag").contains("tagged Invented fact already");

        String ai = harness.esc(MARIA, "C0TEAM", "ai").get("text").getAsString();
        assertThat(ai).contains("*The team's AI, last 30 days*",
                "• Executive summary `exec-summary.v1`: 1 · 1 judged · kept 0% · overridden 100% · Invented fact 1");

        // Later, from the case channel: /esc tag lists the override with its tag, and another button changes it.
        JsonObject listed = harness.esc(MARIA, channel, "tag");
        assertThat(listed.toString()).contains("Discarded the executive summary draft " + draft, "tagged *Invented fact*",
                "\"style\":\"primary\"");
        tag(MARIA, channel, "tone", "1|draft:" + draft);
        assertThat(lastToldTo(MARIA, maria + 4)).startsWith("Tagged Tone.");
        ai = harness.esc(MARIA, "C0TEAM", "ai 7d").get("text").getAsString();
        assertThat(ai).contains("• Executive summary `exec-summary.v1`: 1 · 1 judged · kept 0% · overridden 100% · Tone 1")
                .doesNotContain("Invented fact");
        assertThat(harness.esc(MARIA, channel, "timeline").get("text").getAsString())
                .contains("tagged why the AI summary (exec-summary.v1) was overridden: *Tone*");
    }

    @Test
    void a_triage_change_tagged_wrong_severity_is_kept_with_the_model_and_prompt_version() throws Exception {
        model.answerWith(user -> "{\"type\":{\"value\":null,\"confidence\":0.2},\"severity\":{\"value\":\"SEV3\",\"confidence\":0.4},"
                + "\"surfaces\":{\"value\":[],\"confidence\":0},\"rationale\":{\"value\":\"Too little to go on.\",\"confidence\":0.3}}");
        String channel = open("Something odd in the dashboards");
        FakeSlackApi.Call held = harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.json("blocks") != null
                && c.json("blocks").contains("AI triage"), WAIT);
        String submission = """
                {"type":"view_submission","team":{"id":"T0FAKE","domain":"fake"},
                 "user":{"id":"%s","username":"m","name":"m","team_id":"T0FAKE"},"api_app_id":"A0ESC","token":"t","trigger_id":"1",
                 "view":{"id":"V1","team_id":"T0FAKE","type":"modal","callback_id":"triage_change","private_metadata":"1|%s|%s","hash":"h",
                   "title":{"type":"plain_text","text":"Triage"},"blocks":[],
                   "state":{"values":{"type":{"type":{"type":"static_select","selected_option":{"value":"cross-platform-integrity"}}},
                                      "severity":{"severity":{"type":"static_select","selected_option":{"value":"SEV1"}}}}}}}"""
                .formatted(MARIA, channel, held.answered("ts"));
        assertThat(harness.client().postPayload(submission).body()).isEmpty();

        FakeSlackApi.Call question = offered(MARIA, channel);
        assertThat(question.param("blocks")).contains("You changed the triage suggestion on ESC-1", "openai:fake-model triage.v2",
                "\"value\":\"1|triage\"");
        int maria = told(MARIA);
        tag(MARIA, channel, "wrong-severity", "1|triage");
        assertThat(lastToldTo(MARIA, maria)).startsWith("Tagged Wrong severity.");

        String ai = harness.esc(MARIA, "C0TEAM", "ai").get("text").getAsString();
        assertThat(ai).contains("• Triage `openai:fake-model triage.v2`: 1 · 1 judged · kept 0% · overridden 100% · Wrong severity 1",
                "• Kept, by the suggestion's confidence");
        assertThat(harness.esc(MARIA, channel, "timeline").get("text").getAsString())
                .contains("tagged why the AI triage (openai:fake-model triage.v2) was overridden: *Wrong severity*");
    }

    @Test
    void the_tree_marked_wrong_at_a_question_is_said_in_the_channel_asked_why_and_counted_per_tree() throws Exception {
        model.answerWith(user -> "not json");
        harness.esc(MARIA, "C0TEAM", "open Assistant tells teens to double their insulin sev2 type:llm-hallucination");
        String channel = harness.slack.await("pins.add").param("channel");
        harness.esc(MARIA, channel, "runbook");
        FakeSlackApi.Call question = harness.slack.await("chat.postMessage", c -> c.json("blocks") != null
                && c.json("blocks").contains("Could the output lead someone"), WAIT);
        assertThat(question.json("blocks")).contains("\"action_id\":\"runbook_wrong\"", "\"value\":\"1:harm\"", "The tree was wrong here");

        String wrong = """
                {"action_id":"runbook_wrong","block_id":"runbook:1:harm","text":{"type":"plain_text","text":"x"},"value":"1:harm",
                 "type":"button","action_ts":"1764300300.1"}""";
        harness.client().postPayload(SignedSlackClient.blockActions(MARIA, channel, question.answered("ts"), harness.slack.responseUrl("tag-" + MARIA), wrong));
        harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").contains("marked the runbook's decision tree wrong at: _Could the output lead someone"), WAIT);
        FakeSlackApi.Call asked = offered(MARIA, channel);
        assertThat(asked.param("blocks")).contains("llm-hallucination tree", "\"value\":\"1|runbook:harm\"");

        int maria = told(MARIA);
        tag(MARIA, channel, "stale-rule", "1|runbook:harm");
        assertThat(lastToldTo(MARIA, maria)).startsWith("Tagged Stale rule.");
        harness.client().postPayload(SignedSlackClient.blockActions(MARIA, channel, question.answered("ts"), harness.slack.responseUrl("tag-" + MARIA), wrong));
        assertThat(lastToldTo(MARIA, maria + 1)).contains("marked wrong at that question already");
        String forged = wrong.replace("1:harm", "1:no-such-question");
        harness.client().postPayload(SignedSlackClient.blockActions(MARIA, channel, question.answered("ts"), harness.slack.responseUrl("tag-" + MARIA), forged));
        assertThat(lastToldTo(MARIA, maria + 2)).contains("That question is not in ESC-1's decision tree");

        String ai = harness.esc(MARIA, "C0TEAM", "ai").get("text").getAsString();
        assertThat(ai).contains("• Runbook decision tree `llm-hallucination tree`: marked wrong 1 time · Stale rule 1");
    }
}
