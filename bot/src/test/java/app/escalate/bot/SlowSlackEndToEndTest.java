package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack slow to answer: the bot acknowledges within Slack's 3 s whatever the Web API takes, because
 * it makes no Web API call before the ack on any path (the form opens, and Slack is asked, right after it).
 */
class SlowSlackEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";
    /** Slack allows 3 s for the ack; this leaves room for a loaded test machine, not for a Web API call. */
    private static final Duration ACK = Duration.ofMillis(2_500);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private static Duration timed(Call call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> res = call.post();
        assertThat(res.statusCode()).isEqualTo(200);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private interface Call {
        HttpResponse<String> post() throws Exception;
    }

    @Test
    void with_every_web_api_call_taking_5_s_the_form_the_shortcut_and_a_command_are_acknowledged_in_time() throws Exception {
        harness.slack.channel("C0GENERAL", "general", false);
        harness.slack.latency(Duration.ofSeconds(5));

        assertThat(timed(() -> harness.client().post(SignedSlackClient.slashCommand(MARIA, "C0TEAM", "open", harness.slack.responseUrl("f")))))
                .as("/esc open, the form").isLessThan(ACK);
        assertThat(timed(() -> harness.client().postPayload("""
                {"type":"message_action","token":"t","action_ts":"1.1","team":{"id":"T0FAKE","domain":"fake"},
                 "user":{"id":"%s","team_id":"T0FAKE"},"channel":{"id":"C0GENERAL","name":"general"},"callback_id":"escalate_message",
                 "trigger_id":"9.8.7","message_ts":"1764300123.000200",
                 "message":{"type":"message","user":"U0ESCCHLOE","ts":"1764300123.000200","text":"Assistant told a user to stop their meds"},
                 "response_url":"%s"}""".formatted(MARIA, harness.slack.responseUrl("s")))))
                .as("the Escalate this message shortcut").isLessThan(ACK);
        assertThat(timed(() -> harness.client().post(SignedSlackClient.slashCommand(MARIA, "C0TEAM", "open Fake CEO audio sev2",
                harness.slack.responseUrl("o"))))).as("/esc open <title>").isLessThan(ACK);
        // The form opened after the ack, once Slack answered.
        harness.slack.await("views.open", c -> true, Duration.ofSeconds(20));
    }

    @Test
    void with_every_web_api_call_taking_5_s_an_override_a_button_and_a_form_submission_are_acknowledged_in_time() throws Exception {
        harness.slack.timeZone("U0ESCKENJI", "Asia/Tokyo");
        harness.esc(MARIA, "C0TEAM", "open Chatbot gives dangerous medical advice sev2");
        FakeSlackApi.Call pin = harness.slack.await("pins.add");
        harness.slack.latency(Duration.ofSeconds(5));

        assertThat(timed(() -> harness.client().post(SignedSlackClient.slashCommand("U0ESCKENJI", "C0TEAM",
                "override <@U0ESCKENJI|kenji> 2026-11-24 20:58 2026-11-25 02:00", harness.slack.responseUrl("ov")))))
                .as("/esc override, whose times need the person's zone from Slack").isLessThan(ACK);
        assertThat(timed(() -> harness.client().postPayload(SignedSlackClient.blockActions(MARIA, pin.param("channel"), pin.param("timestamp"),
                harness.slack.responseUrl("b"), """
                        {"action_id":"case_acknowledge","block_id":"case_actions:1","text":{"type":"plain_text","text":"x"},"value":"1",
                         "type":"button","action_ts":"1764300300.1"}""")))).as("the card's Acknowledge button").isLessThan(ACK);
        assertThat(timed(() -> harness.client().postPayload(SignedSlackClient.blockActions(MARIA, pin.param("channel"), pin.param("timestamp"),
                harness.slack.responseUrl("n"), """
                        {"action_id":"case_add_note","block_id":"case_actions:1","text":{"type":"plain_text","text":"x"},"value":"1",
                         "type":"button","action_ts":"1764300300.2"}""")))).as("the card's Add note button, which opens a form").isLessThan(ACK);
        assertThat(timed(() -> harness.client().postPayload("""
                {"type":"view_submission","team":{"id":"T0FAKE","domain":"fake"},"user":{"id":"%s","team_id":"T0FAKE"},
                 "api_app_id":"A0ESC","token":"t","trigger_id":"1.2.3",
                 "view":{"id":"V0VIEW1","team_id":"T0FAKE","type":"modal","callback_id":"open_case","private_metadata":"C0TEAM",
                   "hash":"h","title":{"type":"plain_text","text":"Open a case"},"blocks":[],
                   "state":{"values":{"title":{"title":{"type":"plain_text_input","value":"Deepfake of the CEO on a livestream"}},
                     "severity":{"severity":{"type":"static_select","selected_option":null}}}}}}""".formatted(MARIA))))
                .as("the Open a case form's submission").isLessThan(ACK);

        // The override was read in Kenji's zone (Tokyo), asked of Slack after the ack, and answered where he typed it.
        assertThat(harness.slack.await("response_url", c -> c.param("path").endsWith("/ov"), Duration.ofSeconds(30)).param("text"))
                .startsWith("Override #1: <@U0ESCKENJI> is primary from <!date^" + java.time.Instant.parse("2026-11-24T11:58:00Z").getEpochSecond());
        harness.slack.await("chat.update", c -> c.json("blocks") != null && c.json("blocks").contains("*Acknowledged*"), Duration.ofSeconds(60));
        harness.slack.await("conversations.create", c -> c.param("name").startsWith("esc-2-"), Duration.ofSeconds(60));
        assertThat(harness.slack.await("views.open", c -> c.json("view").contains("add_note"), Duration.ofSeconds(20)).answeredOk()).isTrue();
    }

    @Test
    void a_form_slack_will_not_open_is_answered_through_the_commands_response_url() throws Exception {
        harness.slack.failNext("views.open", 1, 200, Map.of(), "{\"ok\":false,\"error\":\"expired_trigger_id\"}");

        HttpResponse<String> ack = harness.client().post(SignedSlackClient.slashCommand(MARIA, "C0TEAM", "open", harness.slack.responseUrl("f")));

        assertThat(ack.body()).as("an empty ack shows nothing").isEmpty();
        assertThat(harness.slack.await("response_url", c -> c.param("path").endsWith("/f"), Duration.ofSeconds(10)).param("text"))
                .isEqualTo("I couldn't open the form (expired_trigger_id). Open a case in one line instead: "
                        + "`/esc open &lt;title&gt; [sev1-4] [type:&lt;case-type&gt;]`.");
    }
}
