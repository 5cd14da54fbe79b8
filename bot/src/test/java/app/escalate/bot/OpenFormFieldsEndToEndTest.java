package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open form asks for the chosen type's fields: choosing a type adds them (Slack sends the
 * choice at once, and the bot updates the form), one needed from the start must be filled, and the
 * case opens with them on its card and timeline.
 */
class OpenFormFieldsEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant RECEIVED = Instant.parse("2026-11-24T08:30:00Z");

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    /** Maria picks a type in the open form: the {@code block_actions} Slack sends from a view. */
    private static String typeChosen(String type) {
        return """
                {"type":"block_actions","team":{"id":"T0FAKE","domain":"fake"},
                 "user":{"id":"%s","username":"maria","name":"maria","team_id":"T0FAKE"},"api_app_id":"A0ESC","token":"t",
                 "trigger_id":"1.2.4","container":{"type":"view","view_id":"V0VIEW1"},
                 "view":{"id":"V0VIEW1","team_id":"T0FAKE","type":"modal","callback_id":"open_case","private_metadata":"C0TEAM","hash":"h1",
                   "title":{"type":"plain_text","text":"Open a case"},"blocks":[],"state":{"values":{}}},
                 "actions":[{"type":"static_select","action_id":"case_type","block_id":"case_type","action_ts":"1764300000.1",
                   "selected_option":{"text":{"type":"plain_text","text":"Regulatory request"},"value":"%s"}}]}
                """.formatted(MARIA, type);
    }

    private static String submitted(String regulator) {
        String regulatorValue = regulator == null ? "null" : "\"" + regulator + "\"";
        return """
                {"type":"view_submission","team":{"id":"T0FAKE","domain":"fake"},
                 "user":{"id":"%s","username":"maria","name":"maria","team_id":"T0FAKE"},"api_app_id":"A0ESC","token":"t","trigger_id":"1.2.5",
                 "view":{"id":"V0VIEW1","team_id":"T0FAKE","type":"modal","callback_id":"open_case","private_metadata":"C0TEAM","hash":"h2",
                   "title":{"type":"plain_text","text":"Open a case"},"blocks":[],
                   "state":{"values":{
                     "title":{"title":{"type":"plain_text_input","value":"Ofcom asks for the takedown log"}},
                     "case_type":{"case_type":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"r"},"value":"regulatory-request"}}},
                     "field_regulator":{"field_regulator":{"type":"plain_text_input","value":%s}},
                     "field_jurisdiction":{"field_jurisdiction":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"UK"},"value":"UK"}}},
                     "field_received_at":{"field_received_at":{"type":"datetimepicker","selected_date_time":%d}}}}}}
                """.formatted(MARIA, regulatorValue, RECEIVED.getEpochSecond());
    }

    @Test
    void choosing_a_type_adds_its_fields_and_the_case_opens_with_them() throws Exception {
        harness.client().post(SignedSlackClient.slashCommand(MARIA, "C0TEAM", "open", harness.slack.responseUrl("r1"), "1337.42.abcdef"));
        assertThat(harness.slack.await("views.open").json("view")).contains("\"dispatch_action\":true").doesNotContain("field_regulator");

        assertThat(harness.client().postPayload(typeChosen("regulatory-request")).statusCode()).isEqualTo(200);

        FakeSlackApi.Call updated = harness.slack.await("views.update");
        assertThat(updated.param("view_id")).isEqualTo("V0VIEW1");
        assertThat(updated.json("view")).contains("\"block_id\":\"field_regulator\"", "\"block_id\":\"field_received_at\"",
                "\"type\":\"datetimepicker\"", "\"private_metadata\":\"C0TEAM\"", "When the request reached us");

        HttpResponse<String> refused = harness.client().postPayload(submitted(null));
        assertThat(refused.body()).contains("\"response_action\":\"errors\"", "field_regulator", "needs this from the start");

        HttpResponse<String> opened = harness.client().postPayload(submitted("Ofcom"));
        assertThat(opened.body()).isEmpty();
        FakeSlackApi.Call card = harness.slack.await("chat.postMessage", c -> c.json("blocks") != null && c.json("blocks").contains("ESC-1 ·"), WAIT);
        assertThat(card.json("blocks")).contains("*Regulator:* Ofcom", "*Jurisdiction:* UK",
                "*Received at:* <!date^" + RECEIVED.getEpochSecond(), "Needed to mitigate:* Reference");
        assertThat(harness.esc(MARIA, card.param("channel"), "timeline").get("text").getAsString())
                .contains("set *Regulator* to Ofcom", "set *Received at* to <!date^" + RECEIVED.getEpochSecond());
    }
}
