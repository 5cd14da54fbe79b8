package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clicks read the way Slack sends them: from a view there is no {@code channel} and no message, the
 * container is the view, the user may lack {@code username}, and an Enterprise Grid install says so.
 */
class ClickFromAViewEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    /** A button clicked in a modal, as Slack posts it: no channel, no message, no response URL. */
    private static String fromAView(String user, String action) {
        return """
                {"type":"block_actions","team":{"id":"T0FAKE","domain":"fake"},"enterprise":{"id":"E0FAKE","name":"Grid"},
                 "is_enterprise_install":true,"user":{"id":"%s","team_id":"T0FAKE"},"api_app_id":"A0ESC","token":"t",
                 "container":{"type":"view","view_id":"V0VIEW1"},"trigger_id":"%s",
                 "view":{"id":"V0VIEW1","type":"modal","callback_id":"somewhere","private_metadata":"","blocks":[],
                         "state":{"values":{}},"hash":"h1","title":{"type":"plain_text","text":"Escalate"}},
                 "actions":[%s]}""".formatted(user, SignedSlackClient.trigger(), action);
    }

    @Test
    void every_button_clicked_from_a_view_is_answered_and_none_fails() throws Exception {
        harness.esc(MARIA, "C0TEAM", "open Fake CEO audio sev2");
        harness.slack.await("pins.add");
        harness.settle();
        int cardUpdates = harness.slack.calls("chat.update").size();
        List<String> actions = List.of("case_acknowledge", "case_add_note", "triage_accept", "triage_change", "triage_dismiss", "triage_undo",
                "draft_approve", "draft_edit", "draft_regenerate", "draft_discard", "handoff_accept", "runbook_answer:q:0");
        for (String action : actions) {
            HttpResponse<String> answer = harness.client().postPayload(fromAView(MARIA, """
                    {"action_id":"%s","block_id":"b","text":{"type":"plain_text","text":"x"},"value":"1","type":"button","action_ts":"1.1"}"""
                    .formatted(action)));
            assertThat(answer.statusCode()).as(action).isEqualTo(200);
        }
        HttpResponse<String> severity = harness.client().postPayload(fromAView(MARIA, """
                {"type":"static_select","action_id":"case_severity","block_id":"case_actions:1","action_ts":"1.1",
                 "selected_option":{"text":{"type":"plain_text","text":"SEV1"},"value":"SEV1"}}"""));
        assertThat(severity.statusCode()).isEqualTo(200);
        harness.settle();

        // The bot shows case controls only on messages: one clicked in a view has nowhere to answer, and changes nothing.
        assertThat(harness.slack.calls("chat.update")).as("the card was not changed").hasSize(cardUpdates);
        assertThat(harness.slack.calls()).allMatch(FakeSlackApi.Call::answeredOk);
    }
}
