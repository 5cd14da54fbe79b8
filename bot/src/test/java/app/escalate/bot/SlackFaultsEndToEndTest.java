package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the reporter sees when Slack refuses part of the work for good, or a response URL has expired. */
class SlackFaultsEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private void open(String text) throws Exception {
        assertThat(harness.esc(MARIA, "C0TEAM", "open " + text).get("text").getAsString()).contains("Opened *ESC-");
    }

    @Test
    void an_expired_response_url_falls_back_to_a_direct_message() throws Exception {
        harness.slack.failNext("response_url", 1, 404, Map.of(), "expired_url");

        open("Model leaks system prompt sev2");

        FakeSlackApi.Call dm = harness.slack.await("chat.postMessage", c -> MARIA.equals(c.param("channel")), Duration.ofSeconds(10));
        String channelId = harness.slack.calls("pins.add").get(0).param("channel");
        assertThat(dm.param("text")).contains("ESC-1", "<#" + channelId + ">");
    }

    @Test
    void a_channel_slack_refuses_for_good_is_not_retried_and_the_reporter_is_told() throws Exception {
        harness.slack.failNext("conversations.create", 1, 200, Map.of(), "{\"ok\":false,\"error\":\"restricted_action\"}");

        open("Regulator asks for takedown data type:regulatory-request");

        FakeSlackApi.Call told = harness.slack.await("response_url", c -> true, Duration.ofSeconds(10));
        assertThat(told.param("text")).contains("ESC-1", "refused to create its channel", "/esc status ESC-1");
        assertThat(harness.slack.calls("conversations.create")).hasSize(1);
        assertThat(harness.slack.calls("conversations.invite")).isEmpty();
        // The on-call is still paged by direct message; nothing is posted to a channel that does not exist.
        assertThat(harness.slack.calls("chat.postMessage")).extracting(c -> c.param("channel")).containsOnly("U0ESCAMARA");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(harness.get("/healthz").body()).contains("\"outbox_backlog\":0"));
        assertThat(harness.slack.calls("conversations.create")).hasSize(1);
        // Operators see which case Slack will not show, and why, without reading logs.
        assertThat(harness.get("/healthz").body()).contains("\"outbox_failed\":",
                "\"cases_refused\":[{\"case\":\"ESC-1\",\"effect\":\"create_channel\",\"error\":\"conversations.create: restricted_action\"}]");
        assertThat(harness.get("/metrics").body()).contains("escalate_cases_not_shown 1.0");
    }

    @Test
    void without_channels_manage_no_channel_is_made_and_the_reporter_and_operators_are_told() throws Exception {
        harness.slack.revokeScope("channels:manage");

        open("Model leaks system prompt sev2");

        assertThat(harness.slack.await("response_url", c -> true, Duration.ofSeconds(10)).param("text"))
                .contains("ESC-1", "refused to create its channel", "(`missing_scope`: the app lacks the scope `channels:manage`)", "add that scope to the app and reinstall it");
        harness.settle();
        assertThat(harness.slack.calls("conversations.create")).singleElement().satisfies(c -> assertThat(c.response())
                .contains("\"error\":\"missing_scope\"", "\"needed\":\"channels:manage\""));
        assertThat(harness.get("/healthz").body()).contains(
                "{\"case\":\"ESC-1\",\"effect\":\"create_channel\",\"error\":\"conversations.create: missing_scope (needed: channels:manage)\"}");
    }

    @Test
    void a_channel_slack_made_though_it_answered_503_is_adopted_not_made_twice() throws Exception {
        harness.slack.doThenFail(c -> c.method().equals("conversations.create"));

        open("Gateway timeout during creation sev2");

        String pinned = harness.slack.await("pins.add").param("channel");
        List<FakeSlackApi.Call> creates = harness.slack.calls("conversations.create");
        assertThat(creates).extracting(c -> c.param("name")).containsOnly("esc-1-gateway-timeout-during-creation");
        assertThat(creates).extracting(FakeSlackApi.Call::status).containsExactly(503, 200);
        assertThat(creates.get(1).answeredOk()).as("the second try is told the name is taken").isFalse();
        assertThat(harness.slack.calls("conversations.invite")).extracting(c -> c.param("channel")).containsOnly(pinned);
    }

    @Test
    void a_card_slack_posted_though_it_answered_503_is_not_posted_again() throws Exception {
        harness.slack.doThenFail(c -> c.method().equals("chat.postMessage") && c.param("blocks") != null);

        open("Gateway timeout during the card sev2");

        harness.slack.await("pins.add");
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> c.param("blocks") != null).hasSize(1);
        assertThat(harness.slack.calls("conversations.history")).isNotEmpty();
    }

    @Test
    void a_channel_of_the_same_name_someone_else_made_is_not_adopted() throws Exception {
        harness.slack.takeChannelName("esc-1-name-squatted");
        harness.slack.doThenFail(c -> c.method().equals("conversations.create") && c.param("name").endsWith("-2"));

        open("Name squatted sev2");

        harness.slack.await("pins.add");
        assertThat(harness.slack.calls("conversations.create")).extracting(c -> c.param("name"))
                .containsExactly("esc-1-name-squatted", "esc-1-name-squatted-2", "esc-1-name-squatted", "esc-1-name-squatted-2");
        assertThat(harness.slack.calls("pins.add")).hasSize(1);
    }
}
