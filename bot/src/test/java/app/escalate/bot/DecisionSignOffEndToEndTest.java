package app.escalate.bot;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions with sign-off through signed commands and clicks: one needing legal and policy signed
 * off by both, one objected to, one objected to and overridden by its decider; clicks from anyone
 * else, twice, or from another channel refused; the list, the card, the handoff digest, the
 * summary's facts, and the reminder of a sign-off left pending past the severity's ack time.
 */
class DecisionSignOffEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";   // responder
    private static final String KENJI = "U0ESCKENJI";   // responder
    private static final String PRIYA = "U0ESCPRIYA";   // legal
    private static final String OMAR = "U0ESCOMAR";     // policy
    private static final String CHLOE = "U0ESCCHLOE";   // comms
    private static final String TEAM = "C0TEAM";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final BotHarness harness = new BotHarness();
    private String channel;

    @BeforeEach
    void open_a_case() throws Exception {
        harness.esc(MARIA, TEAM, "open Deepfake audio of the CEO announcing layoffs sev2");
        channel = harness.slack.await("pins.add").param("channel");
    }

    private String esc(String user, String text) throws Exception {
        return harness.esc(user, channel, text).get("text").getAsString();
    }

    /** The sign-off request of decision {@code n}, as posted in the case channel. */
    private FakeSlackApi.Call request(int n) throws Exception {
        return harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.param("blocks") != null
                && c.json("blocks").contains("decision #" + n) && c.json("blocks").contains("decision_approve"), WAIT);
    }

    private void click(String user, String in, String ts, String action, int decision) throws Exception {
        String button = """
                {"action_id":"%s","block_id":"sign_off:1:%d","text":{"type":"plain_text","text":"x"},"value":"1:%d",
                 "type":"button","action_ts":"1764300300.1"}""".formatted(action, decision, decision);
        String payload = SignedSlackClient.blockActions(user, in, ts, harness.slack.responseUrl("click-" + user + "-" + decision), button);
        assertThat(harness.client().postPayload(payload).statusCode()).isEqualTo(200);
    }

    private String refusalTo(String user, int decision) throws Exception {
        return harness.slack.await("response_url", c -> c.param("path").endsWith("click-" + user + "-" + decision), WAIT).param("text");
    }

    private void object(String user, String ts, int decision, String reason) throws Exception {
        click(user, channel, ts, "decision_object", decision);
        FakeSlackApi.Call form = harness.slack.await("views.open", c -> c.json("view").contains("object_to_decision")
                && c.json("view").contains("#" + decision), WAIT);
        assertThat(form.json("view")).contains("\"private_metadata\":\"1|" + channel + "|" + ts + "#" + decision + "\"");
        String submission = """
                {"type":"view_submission","team":{"id":"T0FAKE","domain":"fake"},
                 "user":{"id":"%s","username":"o","name":"o","team_id":"T0FAKE"},"api_app_id":"A0ESC","token":"t","trigger_id":"1",
                 "view":{"id":"V1","team_id":"T0FAKE","type":"modal","callback_id":"object_to_decision","private_metadata":"1|%s|%s#%d","hash":"h",
                   "title":{"type":"plain_text","text":"Object"},"blocks":[],
                   "state":{"values":{"reason":{"reason":{"type":"plain_text_input","value":"%s"}}}}}}"""
                .formatted(user, channel, ts, decision, reason);
        assertThat(harness.client().postPayload(submission).body()).isEmpty();
    }

    @Test
    void a_decision_needing_legal_and_policy_stands_once_both_sign_it_off() throws Exception {
        assertThat(esc(MARIA, "decide Take the clip down in the EU because the host confirmed it is synthetic"
                + " instead of geo-blocking it only needs: legal, policy"))
                .contains("decided (#1): *Take the clip down in the EU*, because the host confirmed it is synthetic; instead of geo-blocking it only")
                .contains("Waiting for sign-off from *legal*, *policy*");
        FakeSlackApi.Call request = request(1);
        String ts = request.answered("ts");
        assertThat(request.json("blocks")).contains("<@" + PRIYA + ">", "<@" + OMAR + ">", "decision_object");
        harness.slack.await("conversations.invite", c -> c.param("users") != null && c.param("users").contains(PRIYA)
                && c.param("users").contains(OMAR), WAIT);
        harness.slack.await("chat.update", c -> c.param("blocks") != null && c.json("blocks").contains("Pending sign-off:* #1 Take the clip down"
                + " in the EU (waiting on legal, policy)"), WAIT);
        assertThat(harness.esc(MARIA, TEAM, "handoff").toString()).as("the next handoff digest")
                .contains("Waiting on stakeholders", "sign-off of #1 Take the clip down in the EU (waiting on legal, policy)");

        click(CHLOE, channel, ts, "decision_approve", 1);
        assertThat(refusalTo(CHLOE, 1)).isEqualTo("Only members of `legal` or `policy` can sign off decision #1.");
        click(PRIYA, TEAM, ts, "decision_approve", 1);
        assertThat(refusalTo(PRIYA, 1)).isEqualTo("Sign-offs for ESC-1 are given on its request in ESC-1's channel.");

        click(PRIYA, channel, ts, "decision_approve", 1);
        harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").equals("<@" + PRIYA + "> approved decision #1 for *legal*. It is now *pending sign-off*."), WAIT);
        harness.slack.await("chat.update", c -> ts.equals(c.param("ts")) && c.json("blocks").contains("approved by <@" + PRIYA + ">")
                && c.json("blocks").contains("decision_approve"), WAIT);
        int approvals = harness.slack.calls("chat.postMessage").size();
        click(PRIYA, channel, ts, "decision_approve", 1);
        // A second click changes nothing: the same answer is refused, and no announcement follows it.
        assertThat(harness.slack.await("response_url", c -> c.param("path").endsWith("click-" + PRIYA + "-1")
                && c.param("text").contains("already"), WAIT).param("text")).isEqualTo("`legal` answered decision #1 already.");

        click(OMAR, channel, ts, "decision_approve", 1);
        harness.slack.await("chat.postMessage", c -> c.param("text") != null
                && c.param("text").equals("<@" + OMAR + "> approved decision #1 for *policy*. It is now *signed off*."), WAIT);
        harness.slack.await("chat.update", c -> ts.equals(c.param("ts")) && c.json("blocks").contains("approved by <@" + OMAR + ">")
                && !c.json("blocks").contains("decision_approve"), WAIT);
        harness.slack.await("chat.update", c -> c.param("blocks") != null && c.json("blocks").contains("*Owner*")
                && !c.json("blocks").contains("Pending sign-off"), WAIT);
        assertThat(harness.slack.calls("chat.postMessage").stream().skip(approvals)
                .filter(c -> c.param("text") != null && c.param("text").contains("approved decision")).count())
                .as("only Omar's approval was announced after Priya's").isEqualTo(1);

        click(OMAR, channel, ts, "decision_object", 1);
        assertThat(refusalTo(OMAR, 1)).isEqualTo("Decision #1 of ESC-1 is signed off already; nothing was changed.");

        assertThat(esc(MARIA, "decisions")).contains("*#1 Take the clip down in the EU*", "· *signed off*",
                "• *legal* (<@" + PRIYA + ">): approved by <@" + PRIYA + ">", "• *policy* (<@" + OMAR + ">): approved by <@" + OMAR + ">");
    }

    @Test
    void an_objection_rejects_a_decision_until_its_decider_overrides_it_with_a_reason() throws Exception {
        esc(MARIA, "decide Tell the press the clip is fake because the host confirmed it needs: policy");
        String first = request(1).answered("ts");
        esc(MARIA, "decide Notify affected employees by email because they are asking instead of waiting needs: [policy]");
        String second = request(2).answered("ts");

        click(PRIYA, channel, first, "decision_object", 1);
        assertThat(refusalTo(PRIYA, 1)).isEqualTo("Only members of `policy` can sign off decision #1.");
        object(OMAR, first, 1, "Comms has not cleared the wording");
        harness.slack.await("chat.postMessage", c -> c.param("text") != null && c.param("text").equals("<@" + OMAR
                + "> objected to decision #1 for *policy*: Comms has not cleared the wording. It is now *rejected*"
                + " (its decider may `/esc decide override 1 because …`)."), WAIT);
        harness.slack.await("chat.update", c -> first.equals(c.param("ts")) && c.json("blocks").contains("objected to by <@" + OMAR + ">")
                && !c.json("blocks").contains("decision_approve"), WAIT);

        object(OMAR, second, 2, "Legal must see the email first");
        harness.slack.await("chat.postMessage", c -> c.param("text") != null && c.param("text").contains("objected to decision #2"), WAIT);
        assertThat(esc(KENJI, "decide override 2 because staff are already leaking it"))
                .isEqualTo("Only whoever took decision #2 can override an objection to it.");
        assertThat(esc(MARIA, "decide override 2")).startsWith("An override says why: `/esc decide override 2 because &lt;reason&gt;`.");
        assertThat(esc(MARIA, "decide override 2 because staff are already leaking it"))
                .contains("overrode the objection to decision #2 (Notify affected employees by email): staff are already leaking it. It stands.");
        assertThat(esc(MARIA, "decide override 2 because again")).isEqualTo("Decision #2 stands over an objection; only one rejected by an objection can be overridden.");

        assertThat(esc(MARIA, "decisions")).contains("*#1 Tell the press the clip is fake*", "· *rejected*",
                "objected to by <@" + OMAR + ">", "Comms has not cleared the wording",
                "*#2 Notify affected employees by email*", "Because they are asking; instead of waiting", "· *stands over an objection*",
                "Its decider overrode the objection", "staff are already leaking it");

        esc(MARIA, "summary");
        FakeSlackApi.Call draft = harness.slack.await("response_url", c -> c.param("blocks") != null && c.param("blocks").contains("draft_"), WAIT);
        assertThat(draft.json("blocks")).contains("Decisions: #1 Tell the press the clip is fake (because the host confirmed it), decided by <@"
                + MARIA + ">", "rejected, policy objected: Comms has not cleared the wording",
                "#2 Notify affected employees by email (because they are asking; instead of waiting)",
                "stands over an objection, policy objected: Legal must see the email first, overridden: staff are already leaking it");
    }

    @Test
    void a_sign_off_pending_past_the_ack_time_reminds_its_group_once() throws Exception {
        esc(MARIA, "decide Keep the CEO's account locked because the audio may be a takeover needs: legal");
        request(1);
        harness.advance(Duration.ofMinutes(14));
        harness.awaitRuns("sla-sweep", 1);
        assertThat(harness.slack.calls("chat.postMessage")).noneMatch(c -> c.param("text") != null && c.param("text").contains("still waits"));

        harness.advance(Duration.ofMinutes(2));   // SEV2: ack within 15 minutes
        FakeSlackApi.Call reminder = harness.slack.await("chat.postMessage", c -> c.param("text") != null
                && c.param("text").contains("still waits for sign-off"), WAIT);
        assertThat(reminder.param("text")).isEqualTo(":hourglass: Decision #1 (Keep the CEO's account locked) still waits for sign-off from"
                + " *legal*: <@" + PRIYA + ">. Approve or object on its request above.");
        harness.awaitRuns("sla-sweep", 2);
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> c.param("text") != null && c.param("text").contains("still waits"))
                .hasSize(1);
    }
}
