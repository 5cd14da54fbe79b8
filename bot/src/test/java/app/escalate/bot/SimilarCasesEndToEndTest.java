package app.escalate.bot;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Similar cases shown in a new case's channel, through signed commands and clicks: a paraphrased
 * report flagged as a duplicate of the open case and merged from its button (by someone who may steer
 * it, from its own channel, once); a flag judged wrong, once; a resolved look-alike suggested with its
 * resolution and root cause; a restricted look-alike never shown; the verdicts counted in {@code /esc stats}.
 */
class SimilarCasesEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHLOE = "U0ESCCHLOE";   // comms: reports, may not steer
    private static final String MARIA = "U0ESCMARIA";   // responder: may steer
    private static final String TEAM = "C0TEAM";

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @Test
    void a_paraphrased_duplicate_is_flagged_and_merged_from_its_button_once() throws Exception {
        String first = open(CHLOE, "Deepfake video of the mayor announcing a citywide curfew is spreading on short video sev2");
        String second = open(CHLOE, "Fake AI-generated footage of the mayor declaring a citywide curfew is going viral on short video sev2");

        FakeSlackApi.Call similar = similarMessage(second);
        String blocks = similar.json("blocks");
        assertThat(blocks).contains("Cases like ESC-2", "ESC-1", "Deepfake video of the mayor", "ESC-2 looks like a duplicate of ESC-1",
                "Merge into ESC-1", "Not a duplicate");
        String ts = similar.answered("ts");

        click(CHLOE, second, ts, "similar_merge", "2:1", "chloe");
        assertThat(refusal("chloe")).contains("merge ESC-2");
        click(MARIA, TEAM, ts, "similar_merge", "2:1", "elsewhere");
        assertThat(refusal("elsewhere")).isEqualTo("A duplicate flag on ESC-2 is judged on its message in ESC-2's channel.");
        click(MARIA, first, ts, "similar_merge", "1:2", "forged");
        assertThat(refusal("forged")).isEqualTo("ESC-1 was not flagged as a duplicate of ESC-2.");

        click(MARIA, second, ts, "similar_merge", "2:1", "maria");
        FakeSlackApi.Call redrawn = harness.slack.await("chat.update", c -> second.equals(c.param("channel")) && ts.equals(c.param("ts")), WAIT);
        assertThat(redrawn.json("blocks")).contains("Merged into *ESC-1* by <@U0ESCMARIA>").doesNotContain("similar_merge");
        assertThat(harness.esc(MARIA, TEAM, "status ESC-2").get("text").getAsString()).contains("ESC-2 SEV2 resolved");
        assertThat(harness.esc(MARIA, TEAM, "status ESC-1").get("text").getAsString()).contains("ESC-1 SEV2 triage");
        assertThat(harness.esc(MARIA, first, "timeline").get("text").getAsString()).contains("merged duplicate *ESC-2* into this case");
        assertThat(harness.esc(MARIA, second, "timeline").get("text").getAsString())
                .contains("merged this case into *ESC-1*").contains("confirmed this case duplicates *ESC-1*");

        click(MARIA, second, ts, "similar_merge", "2:1", "again");
        assertThat(refusal("again")).isEqualTo("ESC-2 is already resolved.");
        assertThat(harness.esc(MARIA, TEAM, "stats").get("text").getAsString())
                .contains("*Similar cases*: shown for 1 case; 1 flagged as a likely duplicate; judged right 100% (1/1) (precision).");
    }

    @Test
    void a_flag_judged_wrong_is_recorded_once_and_counted() throws Exception {
        String first = open(CHLOE, "Chatbot told users a made-up refund policy of 90 days sev3");
        String second = open(CHLOE, "The chatbot is telling users a made-up refund policy of 90 days sev3");
        FakeSlackApi.Call similar = similarMessage(second);
        assertThat(similar.json("blocks")).contains("ESC-2 looks like a duplicate of ESC-1");
        String ts = similar.answered("ts");

        click(CHLOE, second, ts, "similar_not_duplicate", "2:1", "chloe");
        FakeSlackApi.Call redrawn = harness.slack.await("chat.update", c -> second.equals(c.param("channel")) && ts.equals(c.param("ts")), WAIT);
        assertThat(redrawn.json("blocks")).contains("<@U0ESCCHLOE> judged it not a duplicate of *ESC-1*").doesNotContain("similar_not_duplicate");
        click(MARIA, second, ts, "similar_not_duplicate", "2:1", "maria");
        assertThat(refusal("maria")).isEqualTo("The flag on ESC-2 was judged already.");
        click(MARIA, second, ts, "similar_not_duplicate", "2:5", "forged");
        assertThat(refusal("forged")).isEqualTo("ESC-2 was not flagged as a duplicate of ESC-5.");

        assertThat(harness.esc(MARIA, second, "status").get("text").getAsString()).contains("ESC-2 SEV3 triage");
        assertThat(harness.esc(MARIA, first, "status").get("text").getAsString()).contains("ESC-1 SEV3 triage");
        assertThat(harness.esc(MARIA, TEAM, "stats").get("text").getAsString())
                .contains("*Similar cases*: shown for 1 case; 1 flagged as a likely duplicate; judged right 0% (0/1) (precision).");
    }

    @Test
    void a_merge_typed_into_the_flagged_case_is_the_same_verdict_and_redraws_the_message() throws Exception {
        open(CHLOE, "Deepfake video of the mayor announcing a citywide curfew is spreading on short video sev2");
        String second = open(CHLOE, "Fake AI-generated footage of the mayor declaring a citywide curfew is going viral on short video sev2");
        String ts = similarMessage(second).answered("ts");

        assertThat(harness.esc(MARIA, second, "merge ESC-1").get("text").getAsString()).contains("ESC-1");

        FakeSlackApi.Call redrawn = harness.slack.await("chat.update", c -> second.equals(c.param("channel")) && ts.equals(c.param("ts")), WAIT);
        assertThat(redrawn.json("blocks")).contains("Merged into *ESC-1* by <@U0ESCMARIA>").doesNotContain("similar_merge");
        assertThat(harness.esc(MARIA, TEAM, "stats").get("text").getAsString()).contains("judged right 100% (1/1) (precision)");
    }

    @Test
    void a_resolved_look_alike_is_suggested_with_its_resolution_and_root_cause_and_a_restricted_one_never() throws Exception {
        String old = open(CHLOE, "Deepfake video of the mayor announcing a citywide curfew is spreading on short video sev2");
        harness.esc(MARIA, old, "decide Take the clip down everywhere because the city confirmed it is fabricated");
        harness.esc(MARIA, old, "resolve All copies taken down and the hash blocked cause:adversarial-abuse");
        open(CHLOE, "Court subpoena demands the mayor's private messages about the curfew video sev2 type:regulatory-request");

        String fresh = open(MARIA, "Synthetic clip of the city's mayor ordering a curfew is going viral sev2");

        String blocks = similarMessage(fresh).json("blocks");
        assertThat(blocks).contains("ESC-1", "resolved", "All copies taken down and the hash blocked",
                "Root cause: Deliberate abuse or coordinated manipulation", "#1 Take the clip down everywhere")
                .doesNotContain("ESC-2").doesNotContain("subpoena").doesNotContain("similar_merge");
    }

    /** Opens a case as {@code user}; its channel. */
    private String open(String user, String text) throws Exception {
        int before = harness.slack.calls("pins.add").size();
        harness.esc(user, TEAM, "open " + text);
        Awaitility.await().atMost(WAIT).until(() -> harness.slack.calls("pins.add").size() > before);
        return harness.slack.calls("pins.add").get(before).param("channel");
    }

    /** The similar cases posted in {@code channel}. */
    private FakeSlackApi.Call similarMessage(String channel) {
        AtomicReference<FakeSlackApi.Call> found = new AtomicReference<>();
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            harness.slack.calls("chat.postMessage").stream()
                    .filter(c -> channel.equals(c.param("channel")) && c.param("blocks") != null && c.json("blocks").contains("Cases like"))
                    .findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    private void click(String user, String in, String ts, String action, String value, String tag) throws Exception {
        String button = """
                {"action_id":"%s","block_id":"b1","text":{"type":"plain_text","text":"x"},"value":"%s",
                 "type":"button","action_ts":"1764300300.1"}""".formatted(action, value);
        String payload = SignedSlackClient.blockActions(user, in, ts, harness.slack.responseUrl("click-" + tag), button);
        assertThat(harness.client().postPayload(payload).statusCode()).isEqualTo(200);
    }

    private String refusal(String tag) throws InterruptedException {
        return harness.slack.await("response_url", c -> c.param("path").endsWith("click-" + tag), WAIT).param("text");
    }
}
