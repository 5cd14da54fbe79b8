package app.escalate.bot;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buttons and forms as an attacker would send them, signed: aimed at another case, at a case the
 * sender may not see, from a channel they are not in, with values no Slack message carries.
 * ESC-1 is public, ESC-2 restricted (Priya's regulator request), ESC-3 public.
 */
class ControlsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CHLOE = "U0ESCCHLOE";
    private static final String PRIYA = "U0ESCPRIYA";
    private static final String AMARA = "U0ESCAMARA";   // on call now
    private static final String EVE = "U0OUTSIDER";     // in the workspace, in no group or rotation

    @RegisterExtension
    final BotHarness harness = new BotHarness();
    private String channel1;
    private String channel2;
    private String channel3;

    @BeforeEach
    void three_cases() throws Exception {
        channel1 = open(CHLOE, "open Chatbot gives dangerous medical advice sev2", 1);
        channel2 = open(PRIYA, "open Regulator asks for account data type:regulatory-request", 2);
        channel3 = open(CHLOE, "open Fake giveaway ads sev3", 3);
    }

    private String open(String who, String command, int number) throws Exception {
        harness.esc(who, "C0TEAM", command);
        return harness.slack.await("pins.add", c -> harness.slack.calls("chat.postMessage").stream()
                .anyMatch(m -> c.param("channel").equals(m.param("channel")) && m.param("text") != null
                        && m.param("text").startsWith("ESC-" + number + " ")), WAIT).param("channel");
    }

    private HttpResponse<String> click(String user, String channel, String actionId, String value) throws Exception {
        String action = """
                {"action_id":"%s","block_id":"b","text":{"type":"plain_text","text":"x"},"value":%s,"type":"button",
                 "action_ts":"1764300300.1"}""".formatted(actionId, value == null ? "null" : "\"" + value + "\"");
        return harness.client().postPayload(SignedSlackClient.blockActions(user, channel, "1764300000.000100",
                harness.slack.responseUrl("click-" + user), action));
    }

    private String noteForm(String user, String metadata, String note) {
        return """
                {"type":"view_submission","team":{"id":"T0FAKE","domain":"fake"},
                 "user":{"id":"%s","username":"u","name":"u","team_id":"T0FAKE"},"api_app_id":"A0ESC","token":"t","trigger_id":"%s",
                 "view":{"id":"V1","team_id":"T0FAKE","type":"modal","callback_id":"add_note","private_metadata":"%s","hash":"h",
                   "title":{"type":"plain_text","text":"Add"},"blocks":[],
                   "state":{"values":{"note":{"note":{"type":"plain_text_input","value":%s}}}}}}"""
                .formatted(user, SignedSlackClient.trigger(), metadata, new com.google.gson.Gson().toJson(note));
    }

    private String timeline(String user, int number) throws Exception {
        return harness.esc(user, "C0TEAM", "timeline ESC-" + number).toString();
    }

    private String refusalTo(String user) throws Exception {
        return harness.slack.await("response_url", c -> c.param("path").endsWith("click-" + user), WAIT).param("text");
    }

    @Test
    void add_note_on_a_card_shown_in_another_cases_channel_writes_to_the_card_s_case_only() throws Exception {
        // Priya shows the restricted ESC-2's card in the public ESC-3 channel and uses its Add note.
        JsonObject card = harness.esc(PRIYA, channel3, "status ESC-2");
        assertThat(card.toString()).contains("case_add_note", "\"value\":\"2\"");
        assertThat(click(PRIYA, channel3, "case_add_note", "2").statusCode()).isEqualTo(200);
        FakeSlackApi.Call form = harness.slack.await("views.open", c -> c.json("view").contains("add_note"), WAIT);
        assertThat(form.json("view")).contains("Add a note to ESC-2", "\"private_metadata\":\"2|" + channel3);

        HttpResponse<String> submitted = harness.client().postPayload(noteForm(PRIYA, "2|" + channel3, "Regulator deadline is Friday"));
        assertThat(submitted.body()).isEmpty();

        FakeSlackApi.Call announced = harness.slack.await("chat.postMessage", c -> c.param("text") != null
                && c.param("text").contains("Regulator deadline is Friday"), WAIT);
        assertThat(announced.param("channel")).isEqualTo(channel2);
        assertThat(timeline(PRIYA, 2)).contains("Regulator deadline is Friday");
        assertThat(timeline(CHLOE, 3)).doesNotContain("Regulator deadline");
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> channel3.equals(c.param("channel")))
                .noneMatch(c -> c.param("text") != null && c.param("text").contains("Regulator deadline"));
    }

    @Test
    void resolve_naming_another_case_first_in_a_case_channel_asks_and_changes_nothing() throws Exception {
        JsonObject reply = harness.esc(AMARA, channel1, "resolve ESC-3 was a duplicate cause:third-party");

        assertThat(reply.get("text").getAsString()).startsWith("This is ESC-1's channel and you named ESC-3 first, so nothing was resolved.");
        assertThat(harness.esc(AMARA, "C0TEAM", "status ESC-1").toString()).doesNotContain("resolved");
        assertThat(harness.esc(AMARA, "C0TEAM", "status ESC-3").toString()).doesNotContain("resolved");
        assertThat(timeline(AMARA, 1)).doesNotContain("resolved the case");
    }

    @Test
    void no_form_opens_on_a_case_the_clicker_may_not_see_or_decide() throws Exception {
        assertThat(click(EVE, channel3, "case_add_note", "2").statusCode()).isEqualTo(200);
        assertThat(refusalTo(EVE)).isEqualTo("There is no case ESC-2 that you can see. If you are in its channel, type the command "
                + "there (`/esc help`).");
        assertThat(click(EVE, channel1, "triage_change", "1").statusCode()).isEqualTo(200);
        assertThat(harness.slack.await("response_url", c -> c.param("path").endsWith("click-" + EVE)
                && c.param("text").startsWith("Only the case owner"), WAIT).param("text"))
                .isEqualTo("Only the case owner, the on-call or someone in the `responders` group can decide this for ESC-1.");

        harness.esc(PRIYA, channel2, "summary");
        FakeSlackApi.Call draft = harness.slack.await("response_url", c -> c.param("blocks") != null && c.param("blocks").contains("draft:"), WAIT);
        String draftId = draft.param("blocks").replaceAll("(?s).*\"block_id\":\"draft:(\\d+)\".*", "$1");
        assertThat(click(EVE, channel3, "draft_edit", draftId).statusCode()).isEqualTo(200);
        // The same answer a made-up draft number gets: nothing about a restricted case's drafts.
        harness.slack.await("response_url", c -> c.param("path").endsWith("click-" + EVE)
                && c.param("text").equals("That draft is no longer on record."), WAIT);

        // Each refusal came back, and every click was answered before it: no form was opened for any of them.
        assertThat(harness.slack.calls("views.open")).isEmpty();
    }

    @Test
    void a_form_naming_a_restricted_case_s_channel_is_no_proof_of_being_in_it() throws Exception {
        String answer = harness.client().postPayload(noteForm(EVE, "2|" + channel2, "I was never invited")).body();

        assertThat(answer).contains("There is no case ESC-2 that you can see.");
        assertThat(timeline(PRIYA, 2)).doesNotContain("never invited");
    }

    @Test
    void values_no_slack_message_carries_are_refused_without_a_server_error() throws Exception {
        for (String value : new String[] {"0", "-1", "00", "999999999999999", "abc", "", null, "1; DROP TABLE cases", "1:0", "0:1", "1:-1",
                "1:9999999", "1:1:1"}) {
            for (String action : List.of("case_acknowledge", "case_add_note", "triage_accept", "triage_change", "draft_approve", "draft_edit",
                    "handoff_accept", "decision_approve", "decision_object", "swap_cover")) {
                assertThat(click(AMARA, channel1, action, value).statusCode()).as(action + " " + value).isEqualTo(200);
            }
        }
        for (String metadata : new String[] {"0|" + channel1, "-1|" + channel1, "1", "1|", "x|y", "99999999999|" + channel1}) {
            HttpResponse<String> res = harness.client().postPayload(noteForm(AMARA, metadata, "hello"));
            assertThat(res.statusCode()).as(metadata).isEqualTo(200);
        }

        assertThat(timeline(AMARA, 1)).doesNotContain("acknowledged", "hello");
        assertThat(harness.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void an_over_long_form_field_is_refused_in_words_not_as_a_database_fault() throws Exception {
        // Longer than the timeline's column: it used to fail in the database and be called an outage.
        String answer = harness.client().postPayload(noteForm(CHLOE, "1|" + channel1, "x".repeat(30_000))).body();

        assertThat(answer).contains("A note is at most 3000 characters; this one has 30000.").doesNotContain("database");
        assertThat(timeline(CHLOE, 1)).doesNotContain("xxxx");
    }
}
