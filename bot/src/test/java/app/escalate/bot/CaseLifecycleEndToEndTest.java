package app.escalate.bot;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case run from open to resolved and reopened through signed /esc commands, checking what
 * Slack is asked to show: the card updated in place, the topic, announcements, invites and briefings.
 */
class CaseLifecycleEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";   // responder
    private static final String KENJI = "U0ESCKENJI";   // responder
    private static final String CHLOE = "U0ESCCHLOE";   // comms, not a responder
    private static final String DIEGO = "U0ESCDIEGO";   // eng, with Kenji
    private static final String TEAM = "C0TEAM";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final BotHarness harness = new BotHarness();
    private String channel;

    @BeforeEach
    void open_a_case() throws Exception {
        harness.esc(MARIA, TEAM, "open Model invents a product recall type:llm-hallucination");
        harness.slack.await("chat.postMessage", c -> c.param("text") != null && c.param("text").startsWith("*Runbook: LLM hallucination*"), WAIT);
        channel = harness.slack.calls("pins.add").get(0).param("channel");
    }

    private String esc(String user, String text) throws Exception {
        JsonObject ack = harness.esc(user, channel, text);
        return ack.get("text").getAsString();
    }

    private FakeSlackApi.Call announced(String fragment) throws InterruptedException {
        return harness.slack.await("chat.postMessage", c -> c.param("channel").equals(channel) && c.param("text") != null
                && c.param("text").contains(fragment), WAIT);
    }

    @Test
    void a_case_walks_from_open_to_resolved_and_back_with_the_card_and_topic_following() throws Exception {
        assertThat(harness.slack.await("conversations.setTopic").param("topic")).isEqualTo("SEV2 · triage · no owner · ESC-1");

        assertThat(esc(CHLOE, "sev 1")).isEqualTo("Only the case owner, the on-call or someone in the `responders` group can change severity.");
        assertThat(esc(MARIA, "sev 1 because it is on the evening news"))
                .contains("ESC-1", "changed severity SEV2 → *SEV1*: it is on the evening news");
        announced("changed severity SEV2 → *SEV1*");
        assertThat(harness.slack.await("chat.update", c -> c.json("blocks").contains("ESC-1 · SEV1 · triage"), WAIT).param("channel"))
                .isEqualTo(channel);
        harness.slack.await("conversations.setTopic", c -> "SEV1 · triage · no owner · ESC-1".equals(c.param("topic")), WAIT);

        assertThat(esc(MARIA, "state monitoring")).isEqualTo(
                "A case in triage cannot move to monitoring. From here: `investigating`, `mitigated`, or `/esc resolve &lt;resolution&gt;`.");
        esc(MARIA, "ack");
        esc(MARIA, "state investigating");
        esc(MARIA, "owner <@U0ESCKENJI|kenji>");
        harness.slack.await("conversations.invite", c -> KENJI.equals(c.param("users")), WAIT);
        harness.slack.await("conversations.setTopic", c -> ("SEV1 · investigating · owner <@" + KENJI + "> · ESC-1").equals(c.param("topic")), WAIT);

        esc(CHLOE, "note <!channel> press office wants a statement &amp; a timeline");
        assertThat(announced("noted:").param("text")).contains("@channel press office wants a statement &amp; a timeline")
                .doesNotContain("<!channel>");

        esc(CHLOE, "task add Draft the holding statement <@U0ESCCHLOE|chloe>");
        esc(KENJI, "task add Find the triggering prompt");
        esc(KENJI, "task done 2");
        assertThat(esc(CHLOE, "task list")).contains("☐ 1. Draft the holding statement <@" + CHLOE + ">",
                "☑ ~2. Find the triggering prompt~");

        esc(KENJI, "loop legal");
        harness.slack.await("conversations.invite", c -> "U0ESCPRIYA".equals(c.param("users")), WAIT);
        assertThat(announced("you've been looped in as *legal*").param("text")).startsWith("<@U0ESCPRIYA>: ")
                .contains("Model invents a product recall", "*Latest*");

        assertThat(esc(KENJI, "resolve Answer blocked, model patched")).startsWith("A SEV1 needs a root cause to resolve");
        assertThat(esc(KENJI, "resolve Answer blocked, model patched cause:model-behaviour"))
                .isEqualTo("ESC-1 cannot be resolved until these are set: `model` (Model), `model_version` (Model version). `/esc set model &lt;value&gt;`.");
        esc(KENJI, "set model assistant-large");
        esc(KENJI, "set model_version 2026-11-20");
        esc(KENJI, "resolve Answer blocked, model patched cause:model-behaviour");
        harness.slack.await("chat.update", c -> c.json("blocks").contains("ESC-1 · SEV1 · resolved")
                && c.json("blocks").contains("Model behaviour (hallucination"), WAIT);
        assertThat(esc(MARIA, "status")).contains("ESC-1 SEV1 resolved");

        esc(KENJI, "reopen");
        harness.slack.await("conversations.setTopic", c -> c.param("topic").startsWith("SEV1 · investigating"), WAIT);

        String timeline = esc(CHLOE, "timeline");
        assertThat(timeline).startsWith("*Timeline of ESC-1*, newest first (page 1 of 2)");
        assertThat(timeline).contains("reopened the case", "resolved the case");
        assertThat(timeline.indexOf("reopened the case")).isLessThan(timeline.indexOf("resolved the case"));
        assertThat(esc(CHLOE, "timeline 2")).contains("opened the case as SEV2");
    }

    @Test
    void looping_in_a_group_one_of_whom_is_in_the_channel_already_brings_in_the_others() throws Exception {
        esc(MARIA, "owner <@U0ESCKENJI|kenji>");   // Kenji, in eng, joins as owner
        harness.slack.await("conversations.invite", c -> KENJI.equals(c.param("users")) && c.answeredOk(), WAIT);

        esc(MARIA, "loop eng");   // eng is Diego and Kenji: Slack refuses the whole invite over Kenji

        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> harness.slack.members(channel).contains(DIEGO));
        harness.settle();
        assertThat(harness.get("/healthz").body()).as("nothing given up").contains("\"cases_refused\":[]");
    }

    @Test
    void a_guest_slack_will_not_let_in_is_named_to_operators_and_the_rest_of_the_group_is_invited() throws Exception {
        harness.slack.guest(DIEGO);

        esc(MARIA, "loop eng");

        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> harness.slack.members(channel).contains(KENJI));
        harness.settle();
        assertThat(harness.slack.members(channel)).doesNotContain(DIEGO);
        assertThat(harness.get("/healthz").body()).contains("{\"case\":\"ESC-1\",\"effect\":\"invite\","
                + "\"error\":\"conversations.invite: Slack would not let in " + DIEGO + " (cant_invite)\"}");
    }

    @Test
    void once_someone_archives_the_case_channel_the_bots_updates_there_are_refused_for_good_and_shown_to_operators() throws Exception {
        harness.settle();
        harness.slack.archive(channel);

        assertThat(harness.esc(MARIA, TEAM, "sev ESC-1 1").get("text").getAsString()).contains("changed severity SEV2 → *SEV1*");

        harness.settle();   // given up, not retried: the backlog empties
        assertThat(harness.slack.calls("chat.update")).isNotEmpty().allSatisfy(c -> assertThat(c.response()).contains("is_archived"));
        assertThat(harness.get("/healthz").body()).contains("{\"case\":\"ESC-1\",\"effect\":\"update_card\",\"error\":\"chat.update: is_archived\"}");
    }

    @Test
    void a_restricted_case_gets_a_private_channel_and_stays_out_of_other_peoples_lists() throws Exception {
        harness.esc("U0ESCPRIYA", TEAM, "open Regulator asks for account data type:regulatory-request");

        harness.slack.await("conversations.create", c -> c.param("name").startsWith("esc-2-")
                && ("1".equals(c.param("is_private")) || "true".equals(c.param("is_private"))), WAIT);
        assertThat(harness.esc(KENJI, TEAM, "status").get("text").getAsString()).doesNotContain("ESC-2").contains("ESC-1");
        assertThat(harness.esc("U0ESCPRIYA", TEAM, "status").get("text").getAsString()).contains("ESC-2", "ESC-1");
        // The same answer as for a number no case has: a non-member learns neither.
        assertThat(harness.esc(KENJI, TEAM, "status ESC-2").get("text").getAsString())
                .isEqualTo("There is no case ESC-2 that you can see.");
        assertThat(harness.esc(KENJI, TEAM, "status ESC-3").get("text").getAsString())
                .isEqualTo("There is no case ESC-3 that you can see.");
    }

    @Test
    void a_message_marked_with_a_pushpin_joins_the_timeline_once() throws Exception {
        harness.slack.messageInChannel(channel, "1764300123.000200", CHLOE, "Host confirms takedown &amp; shares <https://example.com/log|the log>");
        String reaction = """
                {"token":"t","team_id":"T0FAKE","api_app_id":"A0ESC","type":"event_callback","event_id":"Ev%s","event_time":1764300200,
                 "event":{"type":"reaction_added","user":"%s","reaction":"%s","item_user":"%s",
                          "item":{"type":"message","channel":"%s","ts":"1764300123.000200"},"event_ts":"1764300200.000100"}}""";

        assertThat(harness.client().postJson(reaction.formatted("1", KENJI, "pushpin", CHLOE, channel)).statusCode()).isEqualTo(200);
        assertThat(harness.client().postJson(reaction.formatted("2", KENJI, "eyes", CHLOE, channel)).statusCode()).isEqualTo(200);

        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(esc(KENJI, "timeline"))
                .contains("<@" + KENJI + "> pinned a message from <@" + CHLOE + ">: Host confirms takedown &amp; shares the log (https://example.com/log)",
                        "<https://sandbox.invalid/archives/" + channel + "/p1764300123000200|(link)>"));
        assertThat(harness.client().postJson(reaction.formatted("3", MARIA, "pushpin", CHLOE, channel)).statusCode()).isEqualTo(200);
        harness.slack.await("conversations.history", c -> harness.slack.calls("conversations.history").size() == 2, WAIT);
        harness.settle(); // the second pin's job has recorded it, or found it recorded already
        String timeline = esc(KENJI, "timeline");
        assertThat(timeline.split("pinned a message", -1)).hasSize(2);
        assertThat(timeline).doesNotContain("eyes");
    }

    @Test
    void an_event_slack_delivers_again_is_handled_once() throws Exception {
        harness.slack.messageInChannel(channel, "1764300123.000300", CHLOE, "Partner confirms the same accounts");
        String reaction = """
                {"token":"t","team_id":"T0FAKE","api_app_id":"A0ESC","type":"event_callback","event_id":"EvSAME","event_time":1764300200,
                 "event":{"type":"reaction_added","user":"%s","reaction":"pushpin","item_user":"%s",
                          "item":{"type":"message","channel":"%s","ts":"1764300123.000300"},"event_ts":"1764300200.000100"}}"""
                .formatted(KENJI, CHLOE, channel);

        for (int i = 0; i < 3; i++) assertThat(harness.client().postJson(reaction).statusCode()).isEqualTo(200);

        harness.slack.await("conversations.history", c -> true, WAIT);
        harness.settle();   // a second handling would have queued a second job
        assertThat(harness.slack.calls("conversations.history")).hasSize(1);
    }

    @Test
    void an_oversized_body_is_refused_and_changes_nothing() throws Exception {
        String huge = "x".repeat(1_500_000);
        var res = harness.client().post("token=t&command=%2Fesc&text=" + huge);
        assertThat(res.statusCode()).isEqualTo(413);
        assertThat(esc(KENJI, "status")).contains("ESC-1");
    }

    @Test
    void rca_drafts_a_write_up_from_the_timeline_for_review_and_posts_it_only_in_the_case_channel() throws Exception {
        esc(MARIA, "ack");
        esc(MARIA, "set model assistant-large");
        esc(MARIA, "state mitigated");
        esc(MARIA, "set model_version 2026-11-20");
        esc(MARIA, "resolve Answer blocked cause:model-behaviour");

        assertThat(esc(KENJI, "rca")).startsWith("Drafting the root-cause write-up of ESC-1…");

        FakeSlackApi.Call shown = harness.slack.await("response_url", c -> c.param("blocks") != null && c.param("blocks").contains("draft_approve"), WAIT);
        String draft = shown.json("blocks");
        assertThat(draft).contains("Root-cause write-up draft — ESC-1", "Drafted from a template: no model is configured.",
                "Summary\\nESC-1 (SEV2, resolved): Model invents a product recall.", "Root cause\\nModel behaviour (hallucination, unsafe or off-policy output)",
                "Resolution\\nAnswer blocked", "moved the case from triage to mitigated", "prompt rca.v1");
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"block_id\":\"draft:(\\d+)\"").matcher(draft);
        assertThat(id.find()).isTrue();
        String payload = SignedSlackClient.blockActions(KENJI, channel, "1764300000.000900", harness.slack.responseUrl("rca"), """
                {"action_id":"draft_approve","block_id":"draft:%s","text":{"type":"plain_text","text":"x"},"value":"%s","type":"button",
                 "action_ts":"1764300300.1"}""".formatted(id.group(1), id.group(1)));
        assertThat(harness.client().postPayload(payload).statusCode()).isEqualTo(200);

        harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.param("blocks") != null
                && c.json("blocks").contains("Root-cause write-up — ESC-1"), WAIT);
        assertThat(harness.slack.await("chat.postEphemeral", c -> KENJI.equals(c.param("user")), WAIT).param("text"))
                .isEqualTo("Root-cause write-up posted to the case channel.");
    }
}
