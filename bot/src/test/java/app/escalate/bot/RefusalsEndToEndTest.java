package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What Slack refuses for good reaches the person who acted, by direct message, with Slack's reason and what to do. */
class RefusalsEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";
    private static final String HELEN = "U0ESCHELEN";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private static String refusal(String error) {
        return "{\"ok\":false,\"error\":\"" + error + "\"}";
    }

    private FakeSlackApi.Call dmTo(String user, String containing) throws InterruptedException {
        return harness.slack.await("chat.postMessage", c -> user.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").contains(containing), WAIT);
    }

    private String openCase() throws Exception {
        harness.esc(MARIA, "C0TEAM", "open Deepfake of the CEO on a livestream sev2");
        String channel = harness.slack.await("pins.add").param("channel");
        harness.slack.await("response_url", c -> c.param("text").contains("is ready"), WAIT);
        // Triage's suggestion is the last post of an opening; what follows is the test's.
        harness.slack.await("chat.postMessage", c -> c.param("text") != null && c.param("text").startsWith("AI triage"), WAIT);
        return channel;
    }

    @Test
    void a_change_to_a_case_whose_channel_is_archived_is_told_to_whoever_made_it_once() throws Exception {
        String channel = openCase();
        harness.slack.archive(channel);

        harness.esc(MARIA, "C0TEAM", "sev ESC-1 1");

        FakeSlackApi.Call told = dmTo(MARIA, "is_archived");
        assertThat(told.param("text")).isEqualTo(":warning: Slack refused posting your change in the case channel for *ESC-1*: `is_archived`. <#"
                + channel + "> is archived: unarchive it to keep working the case there. The case itself is up to date: `/esc status ESC-1` shows it.");
        // The card and the topic were refused alike; Maria hears of it once.
        harness.slack.await("conversations.setTopic", c -> !c.answeredOk(), WAIT);
        harness.settle();
        assertThat(harness.slack.calls("chat.update")).filteredOn(c -> !c.answeredOk()).hasSize(1);
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> MARIA.equals(c.param("channel")) && c.param("text").contains("refused"))
                .hasSize(1);
        assertThat(harness.slack.calls("chat.postMessage")).noneMatch(c -> !MARIA.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").contains("Slack refused"));
    }

    @Test
    void a_refused_invite_names_whom_slack_would_not_let_in_and_what_to_do() throws Exception {
        openCase();
        harness.slack.guest("U0ESCDIEGO");

        harness.esc(MARIA, "C0TEAM", "loop ESC-1 eng");

        assertThat(dmTo(MARIA, "cant_invite").param("text")).isEqualTo(":warning: Slack refused adding <@U0ESCDIEGO> to the case channel for"
                + " *ESC-1*: `cant_invite`. Slack will not let the app add that person (a guest, or a deactivated account): add them by hand"
                + " if they should be there.");
        // The others of the group were let in.
        assertThat(harness.slack.calls("conversations.invite")).anyMatch(c -> c.answeredOk() && "U0ESCKENJI".equals(c.param("users")));
    }

    @Test
    void a_restricted_case_whose_private_channel_slack_refuses_names_the_missing_scope_where_it_was_opened() throws Exception {
        harness.slack.failNext("conversations.create", 1, 200, Map.of(),
                "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"groups:write\",\"provided\":\"chat:write,commands\"}");

        harness.esc(MARIA, "C0TEAM", "open Regulator asks for our safety report sev2 type:regulatory-request");

        assertThat(harness.slack.await("response_url", c -> c.param("text").contains("ESC-1"), WAIT).param("text")).isEqualTo("*ESC-1* is"
                + " recorded, but Slack refused to create its channel (`missing_scope`: the app lacks the scope `groups:write`), so work it from"
                + " here for now (`/esc status ESC-1`) and ask a Slack admin to add that scope to the app and reinstall it.");
        assertThat(harness.esc(MARIA, "C0TEAM", "timeline ESC-1").get("text").getAsString())
                .contains(":warning: Slack refused creating the case channel: `missing_scope` (missing scope `groups:write`)");
    }

    @Test
    void a_refused_chart_says_which_scope_is_missing() throws Exception {
        harness.slack.failNext("files.getUploadURLExternal", 1, 200, Map.of(),
                "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"files:write\",\"provided\":\"chat:write,commands\"}");

        harness.esc(HELEN, "C0TEAM", "stats 7d");

        assertThat(dmTo(HELEN, "missing_scope").param("text")).isEqualTo(":warning: Slack refused the stats chart you asked for:"
                + " `missing_scope` (the app lacks the scope `files:write`). Ask a Slack admin to add that scope to the app and reinstall it.");
    }
}
