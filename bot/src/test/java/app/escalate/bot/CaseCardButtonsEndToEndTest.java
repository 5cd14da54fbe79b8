package app.escalate.bot;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Clicking the pinned card's Acknowledge, Change severity and Add note, with block_actions payloads as Slack sends them. */
class CaseCardButtonsEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";
    private static final String CHLOE = "U0ESCCHLOE";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final BotHarness harness = new BotHarness();
    private String channel;
    private String cardTs;

    @BeforeEach
    void open_a_case() throws Exception {
        harness.esc(CHLOE, "C0TEAM", "open Chatbot gives dangerous medical advice sev2");
        FakeSlackApi.Call pin = harness.slack.await("pins.add");
        channel = pin.param("channel");
        cardTs = pin.param("timestamp");
        assertThat(harness.slack.calls("chat.postMessage").get(0).json("blocks"))
                .contains("\"action_id\":\"case_acknowledge\"", "\"action_id\":\"case_severity\"", "\"action_id\":\"case_add_note\"");
    }

    private void click(String user, String action) throws Exception {
        String payload = SignedSlackClient.blockActions(user, channel, cardTs, harness.slack.responseUrl("click-" + user), action);
        assertThat(harness.client().postPayload(payload).statusCode()).isEqualTo(200);
    }

    private static String button(String actionId) {
        return """
                {"action_id":"%s","block_id":"case_actions:1","text":{"type":"plain_text","text":"x"},"value":"1",
                 "type":"button","action_ts":"1764300300.1"}""".formatted(actionId);
    }

    private static String severity(String to) {
        return """
                {"type":"static_select","action_id":"case_severity","block_id":"case_actions:1",
                 "selected_option":{"text":{"type":"plain_text","text":"%s"},"value":"%s"},"action_ts":"1764300300.2"}""".formatted(to, to);
    }

    @Test
    void acknowledge_is_for_responders_and_disappears_once_pressed() throws Exception {
        click(CHLOE, button("case_acknowledge"));
        FakeSlackApi.Call refused = harness.slack.await("response_url", c -> c.param("path").endsWith("click-" + CHLOE), WAIT);
        assertThat(refused.param("text")).isEqualTo("Only the case owner, the on-call or someone in the `responders` group can acknowledge a case.");

        click(MARIA, button("case_acknowledge"));

        FakeSlackApi.Call updated = harness.slack.await("chat.update", c -> c.json("blocks").contains("*Acknowledged*\\n<@" + MARIA + ">"), WAIT);
        assertThat(updated.param("ts")).isEqualTo(cardTs);
        assertThat(updated.json("blocks")).doesNotContain("case_acknowledge");
        harness.slack.await("chat.postMessage", c -> c.param("text") != null && c.param("text").contains("acknowledged"), WAIT);
    }

    @Test
    void the_severity_menu_changes_severity_and_a_downgrade_without_reason_is_explained() throws Exception {
        click(MARIA, severity("SEV1"));
        harness.slack.await("conversations.setTopic", c -> c.param("topic").startsWith("SEV1 · triage"), WAIT);

        click(MARIA, severity("SEV4"));

        assertThat(harness.slack.await("response_url", c -> c.param("path").endsWith("click-" + MARIA), WAIT).param("text"))
                .isEqualTo("Lowering a SEV1 needs a reason: `/esc sev 4 because &lt;reason&gt;`.");
    }

    @Test
    void a_form_slack_will_not_open_is_explained_to_whoever_clicked() throws Exception {
        harness.slack.failNext("views.open", 1, 200, java.util.Map.of(), "{\"ok\":false,\"error\":\"expired_trigger_id\"}");

        click(CHLOE, button("case_add_note"));

        assertThat(harness.slack.await("response_url", c -> c.param("path").endsWith("click-" + CHLOE), WAIT).param("text"))
                .isEqualTo("I couldn't open the form (expired_trigger_id). Try the button again, or use the command (`/esc help`).");
    }

    @Test
    void add_note_opens_a_form_whose_note_joins_the_timeline() throws Exception {
        click(CHLOE, button("case_add_note"));
        FakeSlackApi.Call form = harness.slack.await("views.open");
        assertThat(form.json("view")).contains("\"callback_id\":\"add_note\"", "\"private_metadata\":\"1|" + channel + "|" + cardTs + "\"");

        String submission = """
                {"type":"view_submission","team":{"id":"T0FAKE","domain":"fake"},
                 "user":{"id":"%s","username":"c","name":"c","team_id":"T0FAKE"},"api_app_id":"A0ESC","token":"t","trigger_id":"1",
                 "view":{"id":"V1","team_id":"T0FAKE","type":"modal","callback_id":"add_note","private_metadata":"1|%s","hash":"h",
                   "title":{"type":"plain_text","text":"Add"},"blocks":[],
                   "state":{"values":{"note":{"note":{"type":"plain_text_input","value":"Press call at 9 <!here>"}}}}}}"""
                .formatted(CHLOE, channel);
        assertThat(harness.client().postPayload(submission).body()).isEmpty();

        assertThat(harness.slack.await("chat.postMessage", c -> c.param("text") != null && c.param("text").contains("noted:"), WAIT).param("text"))
                .isEqualTo("<@" + CHLOE + "> noted: Press call at 9 &lt;!here&gt;");
    }
}
