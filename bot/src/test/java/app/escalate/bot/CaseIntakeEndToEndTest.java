package app.escalate.bot;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The open-case form and the "Escalate this message" shortcut, with payloads shaped as Slack sends them. */
class CaseIntakeEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private static String submission(String title, String severity, String type, String surface, String description,
                                     boolean restricted, String origin) {
        String selected = severity == null ? "null" : "{\"text\":{\"type\":\"plain_text\",\"text\":\"" + severity + "\"},\"value\":\"" + severity + "\"}";
        String typeSelected = type == null ? "null" : "{\"text\":{\"type\":\"plain_text\",\"text\":\"t\"},\"value\":\"" + type + "\"}";
        String checked = restricted ? "[{\"text\":{\"type\":\"plain_text\",\"text\":\"Restricted\"},\"value\":\"restricted\"}]" : "[]";
        return """
                {"type":"view_submission","team":{"id":"T0FAKE","domain":"fake"},
                 "user":{"id":"%s","username":"maria","name":"maria","team_id":"T0FAKE"},
                 "api_app_id":"A0ESC","token":"t","trigger_id":"1.2.3",
                 "view":{"id":"V0VIEW1","team_id":"T0FAKE","type":"modal","callback_id":"open_case","private_metadata":"%s",
                   "hash":"h","title":{"type":"plain_text","text":"Open a case"},"blocks":[],
                   "state":{"values":{
                     "title":{"title":{"type":"plain_text_input","value":%s}},
                     "severity":{"severity":{"type":"static_select","selected_option":%s}},
                     "case_type":{"case_type":{"type":"static_select","selected_option":%s}},
                     "surface":{"surface":{"type":"plain_text_input","value":%s}},
                     "description":{"description":{"type":"plain_text_input","value":%s}},
                     "restricted":{"restricted":{"type":"checkboxes","selected_options":%s}}}}}}
                """.formatted(MARIA, origin, quote(title), selected, typeSelected, quote(surface), quote(description), checked);
    }

    private static String quote(String text) {
        return text == null ? "null" : new com.google.gson.Gson().toJson(text);
    }

    @Test
    void open_alone_shows_the_form_and_its_submission_opens_the_case() throws Exception {
        HttpResponse<String> none = harness.client().post(SignedSlackClient.slashCommand(MARIA, "C0TEAM", "open",
                harness.slack.responseUrl("r1"), "1337.42.abcdef"));
        assertThat(none.body()).as("an empty ack shows nothing").isEmpty();
        FakeSlackApi.Call shown = harness.slack.await("views.open");
        assertThat(shown.param("trigger_id")).isEqualTo("1337.42.abcdef");
        assertThat(shown.json("view")).contains("\"callback_id\":\"open_case\"", "\"private_metadata\":\"C0TEAM\"",
                "Affected surface", "Restricted: private channel");

        HttpResponse<String> res = harness.client().postPayload(submission("Agent emailed customer data to a stranger", "SEV1",
                "agent-misbehaviour", "support agent", "Seen in 3 tickets <!channel>", true, "C0TEAM"));

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEmpty();
        FakeSlackApi.Call create = harness.slack.await("conversations.create");
        assertThat(create.param("name")).isEqualTo("esc-1-agent-emailed-customer-data-to-a-stranger");
        assertThat(create.param("is_private")).isIn("1", "true");
        FakeSlackApi.Call card = harness.slack.await("chat.postMessage");
        assertThat(card.json("blocks")).contains("ESC-1 · SEV1 · triage", "*Surface*\\nsupport agent", ":lock: restricted");
        FakeSlackApi.Call dm = harness.slack.await("chat.postMessage", c -> MARIA.equals(c.param("channel")), WAIT);
        assertThat(dm.param("text")).contains("ESC-1", "is ready");
        FakeSlackApi.Call triage = harness.slack.await("chat.postMessage", c -> card.param("channel").equals(c.param("channel"))
                && c.json("blocks") != null && c.json("blocks").contains("AI triage"), WAIT);
        assertThat(triage.json("blocks")).as("a case from the form is triaged too").contains("*AI agent misbehaviour*");
        assertThat(harness.esc(MARIA, card.param("channel"), "timeline").get("text").getAsString())
                .contains("opened the case as SEV1", "> Seen in 3 tickets &lt;!channel&gt;").doesNotContain("<!channel>");
    }

    @Test
    void a_form_without_a_title_is_returned_with_the_error_beside_the_field() throws Exception {
        HttpResponse<String> res = harness.client().postPayload(submission("  ", null, null, null, null, false, "C0TEAM"));

        JsonObject body = JsonParser.parseString(res.body()).getAsJsonObject();
        assertThat(body.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(body.getAsJsonObject("errors").get("title").getAsString()).isEqualTo("Give the case a title.");
        harness.settle();
        assertThat(harness.slack.calls("conversations.create")).isEmpty();
    }

    @Test
    void escalate_this_message_opens_the_form_prefilled_with_the_message_and_its_link() throws Exception {
        harness.slack.channel("C0GENERAL", "general", false);
        harness.slack.messageInChannel("C0GENERAL", "1764300123.000200", "U0ESCCHLOE", "ignored");
        String shortcut = """
                {"type":"message_action","token":"t","action_ts":"1764300200.1","team":{"id":"T0FAKE","domain":"fake"},
                 "user":{"id":"%s","username":"maria","name":"maria","team_id":"T0FAKE"},
                 "channel":{"id":"C0GENERAL","name":"general"},"callback_id":"escalate_message","trigger_id":"9.8.7",
                 "message_ts":"1764300123.000200",
                 "message":{"type":"message","user":"U0ESCCHLOE","ts":"1764300123.000200",
                            "text":"Our assistant told a user to stop their meds &amp; it's on social\\nScreenshot attached"},
                 "response_url":"%s"}""".formatted(MARIA, harness.slack.responseUrl("sc"));

        HttpResponse<String> res = harness.client().postPayload(shortcut);

        assertThat(res.statusCode()).isEqualTo(200);
        FakeSlackApi.Call shown = harness.slack.await("views.open");
        assertThat(shown.param("trigger_id")).isEqualTo("9.8.7");
        assertThat(shown.json("view")).contains(
                "\"initial_value\":\"Our assistant told a user to stop their meds & it's on social\"",
                "\"private_metadata\":\"C0GENERAL|unchecked\"").doesNotContain("initial_options");
        FakeSlackApi.Call linked = harness.slack.await("views.update");
        assertThat(linked.param("view_id")).startsWith("V0VIEW");
        assertThat(linked.json("view")).contains("Screenshot attached\\n\\nFrom: https://sandbox.invalid/archives/C0GENERAL/p1764300123000200",
                "\"private_metadata\":\"C0GENERAL|public\"").doesNotContain("initial_options");
    }

    @Test
    void a_message_escalated_from_a_private_channel_with_a_c_id_starts_restricted_once_slack_says_it_is_private() throws Exception {
        harness.slack.channel("C0SECRETS", "legal-private", true);   // Slack gives new private channels C… ids

        harness.client().postPayload(shortcut("C0SECRETS", "Counsel says the leak names two employees"));

        assertThat(harness.slack.await("views.open").json("view")).doesNotContain("initial_options");
        FakeSlackApi.Call updated = harness.slack.await("views.update");
        assertThat(updated.json("view")).contains("\"initial_options\":[{", "\"value\":\"restricted\"");
        // (The set-up check after start-up asks about the team and leadership channels too.)
        assertThat(harness.slack.calls("conversations.info")).filteredOn(c -> "C0SECRETS".equals(c.param("channel"))).hasSize(1);
    }

    @Test
    void a_form_sent_back_before_it_learned_its_channel_is_private_still_opens_a_restricted_case() throws Exception {
        harness.slack.channel("C0SECRETS", "legal-private", true);
        harness.slack.failNext("views.update", 1, 200, Map.of(), "{\"ok\":false,\"error\":\"hash_conflict\"}");
        harness.client().postPayload(shortcut("C0SECRETS", "Counsel says the leak names two employees"));
        String asOpened = metadata(harness.slack.await("views.open"));
        harness.slack.await("views.update", c -> true, Duration.ofSeconds(10));   // refused: the person never sees Restricted ticked

        HttpResponse<String> res = harness.client().postPayload(submission("Leak names two employees", "SEV2", null, null, null, false,
                asOpened));

        assertThat(asOpened).isEqualTo("C0SECRETS|unchecked");
        assertThat(res.body()).isEmpty();
        assertThat(harness.slack.await("conversations.create").param("is_private")).isIn("1", "true");
    }

    @Test
    void restricted_shown_ticked_and_unticked_by_the_person_is_their_choice() throws Exception {
        harness.slack.channel("C0SECRETS", "legal-private", true);
        harness.client().postPayload(shortcut("C0SECRETS", "Public statement draft, fine to share"));
        FakeSlackApi.Call ticked = harness.slack.await("views.update");
        assertThat(ticked.json("view")).contains("\"initial_options\":[{");

        harness.client().postPayload(submission("Public statement draft", "SEV3", null, null, null, false, metadata(ticked)));

        assertThat(metadata(ticked)).isEqualTo("C0SECRETS|private");
        assertThat(harness.slack.await("conversations.create").param("is_private")).isIn("0", "false");
    }

    /** What a form carries in its metadata, as Slack sends it back. */
    private static String metadata(FakeSlackApi.Call opened) {
        return JsonParser.parseString(opened.param("view")).getAsJsonObject().get("private_metadata").getAsString();
    }

    @Test
    void a_message_from_a_channel_slack_will_not_describe_to_the_bot_starts_restricted() throws Exception {
        harness.client().postPayload(shortcut("C0NOTINVITED", "Something from a channel the bot is not in"));

        assertThat(harness.slack.await("views.update").json("view")).contains("\"initial_options\":[{", "\"value\":\"restricted\"");
    }

    private String shortcut(String channel, String text) {
        return """
                {"type":"message_action","token":"t","action_ts":"1.1","team":{"id":"T0FAKE","domain":"fake"},
                 "user":{"id":"%s","username":"m","name":"m","team_id":"T0FAKE"},
                 "channel":{"id":"%s","name":"x"},"callback_id":"escalate_message","trigger_id":"%s",
                 "message_ts":"1764300999.000100","message":{"type":"message","user":"U0ESCPRIYA","ts":"1764300999.000100",
                 "text":%s},"response_url":"%s"}""".formatted(MARIA, channel, SignedSlackClient.trigger(), new com.google.gson.Gson().toJson(text),
                harness.slack.responseUrl("sc"));
    }

    @Test
    void a_message_escalated_from_a_restricted_case_starts_restricted() throws Exception {
        harness.esc("U0ESCPRIYA", "C0TEAM", "open Regulator asks for account data type:regulatory-request");
        String privateChannel = harness.slack.await("pins.add").param("channel");
        String shortcut = """
                {"type":"message_action","token":"t","action_ts":"1.1","team":{"id":"T0FAKE","domain":"fake"},
                 "user":{"id":"U0ESCPRIYA","username":"p","name":"p","team_id":"T0FAKE"},
                 "channel":{"id":"%s","name":"esc-1"},"callback_id":"escalate_message","trigger_id":"4.4.4",
                 "message_ts":"1764300999.000100","message":{"type":"message","user":"U0ESCPRIYA","ts":"1764300999.000100",
                 "text":"Names of the account holders"},"response_url":"%s"}""".formatted(privateChannel, harness.slack.responseUrl("p"));

        harness.client().postPayload(shortcut);

        assertThat(harness.slack.await("views.open").json("view")).contains("\"initial_options\":[{", "\"value\":\"restricted\"");
    }
}
