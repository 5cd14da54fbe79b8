package app.escalate.bot;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bot on a random port with a fake Slack Web API: signed requests in, and what Slack's own
 * client sent to the fake out.
 */
class OpenCaseEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";
    private static final String TEAM_CHANNEL = "C0TEAM";

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private JsonObject esc(String channel, String text) throws Exception {
        return harness.esc(MARIA, channel, text);
    }

    @Test
    void opening_a_case_creates_its_channel_invites_the_reporter_and_pins_the_card() throws Exception {
        JsonObject ack = esc(TEAM_CHANNEL, "open Deepfake video of a candidate spreading sev1");

        assertThat(ack.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(ack.get("text").getAsString()).contains("ESC-1", "SEV1", "Deepfake video of a candidate spreading");

        FakeSlackApi.Call pin = harness.slack.await("pins.add");
        FakeSlackApi.Call create = harness.slack.calls("conversations.create").get(0);
        assertThat(create.param("name")).isEqualTo("esc-1-deepfake-video-of-a-candidate-spreading");
        assertThat(create.authorization()).isEqualTo("Bearer " + BotHarness.TOKEN);

        FakeSlackApi.Call invite = harness.slack.await("conversations.invite");
        // The reporter, the primary, and for a SEV1 the secondary (Global's turn is Amara's too, so Kenji stands in).
        assertThat(invite.param("users")).isEqualTo(MARIA + ",U0ESCAMARA,U0ESCKENJI");
        String channelId = invite.param("channel");
        assertThat(channelId).startsWith("C0CH");

        FakeSlackApi.Call card = harness.slack.await("chat.postMessage");
        assertThat(card.param("channel")).isEqualTo(channelId);
        assertThat(card.json("blocks")).contains("ESC-1 · SEV1 · triage", "Deepfake video of a candidate spreading",
                "<@" + MARIA + ">", "<!date^");
        assertThat(pin.param("channel")).isEqualTo(channelId);
        assertThat(pin.param("timestamp")).isNotBlank();

        FakeSlackApi.Call told = harness.slack.await("response_url", c -> true, Duration.ofSeconds(10));
        assertThat(told.param("text")).contains("ESC-1", "<#" + channelId + ">");
        assertThat(told.param("response_type")).isEqualTo("ephemeral");

        FakeSlackApi.Call page = harness.slack.await("chat.postMessage", c -> "U0ESCAMARA".equals(c.param("channel")), Duration.ofSeconds(10));
        assertThat(page.param("text")).contains("You're primary on call (Escalations on-call)", "ESC-1 · SEV1", "<#" + channelId + ">");
        assertThat(harness.slack.calls()).extracting(FakeSlackApi.Call::method).containsSubsequence(
                "conversations.create", "conversations.invite", "chat.postMessage", "pins.add", "response_url");
        assertThat(harness.esc(MARIA, channelId, "timeline").get("text").getAsString())
                .contains("<@U0ESCAMARA> was paged as primary on call (Escalations on-call)");
    }

    @Test
    void case_numbers_are_unique_and_increasing() throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertThat(esc(TEAM_CHANNEL, "open Case number " + i).get("text").getAsString()).contains("ESC-" + i + "*");
        }
        harness.slack.await("conversations.create", c -> "esc-3-case-number-3".equals(c.param("name")), Duration.ofSeconds(10));
    }

    @Test
    void an_override_changes_who_is_invited_and_paged() throws Exception {
        // The bot's clock reads Tuesday 12:00 UTC; Kenji, in Tokyo, takes 20:58-02:00 his time (11:58-17:00 UTC).
        harness.slack.timeZone("U0ESCKENJI", "Asia/Tokyo");
        assertThat(harness.esc("U0ESCKENJI", TEAM_CHANNEL, "override <@U0ESCKENJI|kenji> 2026-11-24 20:58 2026-11-25 02:00")
                .get("text").getAsString()).isEqualTo("Setting the override, with its times in your Slack time zone…");
        String set = harness.slack.await("response_url", c -> c.param("text").startsWith("Override"), Duration.ofSeconds(10)).param("text");
        assertThat(set).startsWith("Override #1: <@U0ESCKENJI> is primary from <!date^" + java.time.Instant.parse("2026-11-24T11:58:00Z").getEpochSecond());
        assertThat(esc(TEAM_CHANNEL, "oncall").get("text").getAsString()).contains("• Primary: <@U0ESCKENJI> until", "(override)");

        esc(TEAM_CHANNEL, "open Fake refund emails sev2");

        assertThat(harness.slack.await("conversations.invite").param("users")).isEqualTo(MARIA + ",U0ESCKENJI");
        harness.slack.await("chat.postMessage", c -> "U0ESCKENJI".equals(c.param("channel")), Duration.ofSeconds(10));
        assertThat(harness.slack.calls("chat.postMessage")).noneMatch(c -> "U0ESCAMARA".equals(c.param("channel")));
    }

    @Test
    void a_taken_channel_name_gets_another_name() throws Exception {
        harness.slack.takeChannelName("esc-1-scam-ads-for-a-fake-investment-app");

        esc(TEAM_CHANNEL, "open Scam ads for a fake investment app type:advertiser-integrity");

        FakeSlackApi.Call card = harness.slack.await("chat.postMessage");
        assertThat(harness.slack.calls("conversations.create")).extracting(c -> c.param("name")).containsExactly(
                "esc-1-scam-ads-for-a-fake-investment-app", "esc-1-scam-ads-for-a-fake-investment-app-2");
        assertThat(card.json("blocks")).contains("Advertiser integrity");
    }

    @Test
    void a_rate_limited_card_is_posted_once_after_retry_after() throws Exception {
        harness.slack.failNext("chat.postMessage", 1, 429, Map.of("Retry-After", "1"), "{\"ok\":false,\"error\":\"ratelimited\"}");

        esc(TEAM_CHANNEL, "open Agent bought 400 gift cards sev2");

        String channel = harness.slack.await("pins.add").param("channel");
        var posts = harness.slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.param("channel")))
                .filter(OpenCaseEndToEndTest::isCard).toList();
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).status()).isEqualTo(429);
        assertThat(posts.get(1).answeredOk()).isTrue();
        assertThat(Duration.between(posts.get(0).at(), posts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        harness.settle(); // nothing is left queued to go out
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> channel.equals(c.param("channel")))
                .filteredOn(OpenCaseEndToEndTest::isCard).filteredOn(FakeSlackApi.Call::answeredOk).hasSize(1);
        assertThat(harness.slack.calls("pins.add")).hasSize(1);
    }

    /** The case card, told from the other messages in the channel (such as the triage suggestion) by the effect it delivers. */
    private static boolean isCard(FakeSlackApi.Call post) {
        return post.param("metadata") != null && post.param("metadata").contains("PostCaseCard");
    }

    @Test
    void slack_server_errors_are_retried_until_they_pass() throws Exception {
        harness.slack.failNext("conversations.create", 2, 500, Map.of(), "upstream trouble");

        esc(TEAM_CHANNEL, "open LLM tells users to mix bleach type:llm-hallucination");

        harness.slack.await("pins.add", FakeSlackApi.Call::answeredOk, Duration.ofSeconds(20));
        assertThat(harness.slack.calls("conversations.create")).extracting(FakeSlackApi.Call::status).containsExactly(500, 500, 200);
    }

    @Test
    void wrongly_signed_unsigned_and_stale_requests_get_401_and_change_nothing() throws Exception {
        String body = SignedSlackClient.slashCommand(MARIA, TEAM_CHANNEL, "open Should never exist sev1", harness.slack.responseUrl("r1"));

        assertThat(harness.client().post(body, "not-the-secret", Instant.now()).statusCode()).isEqualTo(401);
        assertThat(harness.client().postUnsigned(body).statusCode()).isEqualTo(401);
        assertThat(harness.client().post(body, BotHarness.SECRET, Instant.now().minus(Duration.ofMinutes(6))).statusCode()).isEqualTo(401);

        assertThat(esc(TEAM_CHANNEL, "status").get("text").getAsString()).isEqualTo("No open cases.");
        harness.settle();
        assertThat(harness.slack.calls("conversations.create")).isEmpty();
    }

    @Test
    void status_in_the_case_channel_shows_the_card_also_after_a_restart() throws Exception {
        esc(TEAM_CHANNEL, "open Deepfake video of a candidate spreading sev1");
        String channelId = harness.slack.await("pins.add").param("channel");

        harness.restart();

        JsonObject card = esc(channelId, "status");
        assertThat(card.get("blocks").toString()).contains("ESC-1 · SEV1 · triage", "Deepfake video of a candidate spreading");
        assertThat(esc(TEAM_CHANNEL, "open Second case").get("text").getAsString()).contains("ESC-2");
    }

    @Test
    void status_elsewhere_lists_open_cases_most_severe_first() throws Exception {
        esc(TEAM_CHANNEL, "open Ads for a scam sev3");
        esc(TEAM_CHANNEL, "open Election deepfake sev1");
        harness.slack.await("pins.add", c -> harness.slack.calls("pins.add").size() == 2, Duration.ofSeconds(10));

        String list = esc(TEAM_CHANNEL, "status").get("text").getAsString();

        assertThat(list).contains("Open cases* (2)");
        assertThat(list.indexOf("ESC-2")).isLessThan(list.indexOf("ESC-1"));
        assertThat(list).contains("<#C0CH");
    }

    @Test
    void an_unknown_sub_command_gets_a_short_usage_and_changes_nothing() throws Exception {
        String text = esc(TEAM_CHANNEL, "escalate-everything now").get("text").getAsString();

        assertThat(text).startsWith("I don't know `escalate-everything`.").contains("*Usage*", "/esc open", "/esc status");
        assertThat(esc(TEAM_CHANNEL, "help").get("text").getAsString()).startsWith("*Usage*");
        assertThat(esc(TEAM_CHANNEL, "status").get("text").getAsString()).isEqualTo("No open cases.");
    }

    @Test
    void a_title_that_tries_to_ping_everyone_is_posted_inert() throws Exception {
        JsonObject ack = esc(TEAM_CHANNEL, "open <!channel> <@U0ESCHELEN|helen> urgent &amp; real sev2");

        assertThat(ack.get("text").getAsString()).contains("@channel @helen urgent &amp; real")
                .doesNotContain("<!channel>", "<@U0ESCHELEN");
        FakeSlackApi.Call card = harness.slack.await("chat.postMessage");
        assertThat(card.json("blocks") + card.param("text")).contains("@channel @helen urgent &amp; real")
                .doesNotContain("<!channel>", "<@U0ESCHELEN");
        assertThat(harness.slack.calls("conversations.create").get(0).param("name")).isEqualTo("esc-1-channel-helen-urgent-real");
    }

    @Test
    void broadcast_syntax_typed_literally_shows_as_text() throws Exception {
        esc(TEAM_CHANNEL, "open &lt;!here&gt; in a title sev4");

        FakeSlackApi.Call card = harness.slack.await("chat.postMessage");
        assertThat(card.json("blocks")).contains("&lt;!here&gt; in a title").doesNotContain("<!here>");
    }

    @Test
    void metrics_count_commands_and_deliveries_in_prometheus_text() throws Exception {
        esc(TEAM_CHANNEL, "open Outage sev2");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> res = harness.get("/metrics");
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).contains(
                    "escalate_command_seconds_count{outcome=\"ok\",subcommand=\"open\"} 1",
                    "escalate_outbox_deliveries_total{effect=\"PostCaseCard\",result=\"delivered\"} 1.0",
                    "escalate_outbox_deliveries_total{effect=\"TellReporter\",result=\"delivered\"} 1.0",
                    "escalate_outbox_backlog 0.0",
                    "escalate_outbox_failed 0.0",
                    "escalate_cases_open{severity=\"SEV2\"} 1.0",
                    "escalate_cases_open{severity=\"SEV1\"} 0.0",
                    "escalate_sla_breaches 0.0",
                    "escalate_command_seconds_bucket",
                    "jvm_memory_used_bytes");
        });
    }

    @Test
    void answers_slacks_url_verification_so_the_manifest_can_be_saved() throws Exception {
        HttpResponse<String> res = harness.client().postJson("{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void acknowledges_being_uninstalled() throws Exception {
        HttpResponse<String> res = harness.client().postJson("""
                {"token":"t","team_id":"T0FAKE","api_app_id":"A0ESC","type":"event_callback",
                 "event":{"type":"app_uninstalled","event_ts":"1764300000.000100"},
                 "event_id":"Ev0UNINSTALL","event_time":1764300000}""");

        assertThat(res.statusCode()).isEqualTo(200);
    }

    @Test
    void healthz_reports_the_database_and_the_backlog() throws Exception {
        HttpResponse<String> res = harness.get("/healthz");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("\"database\":\"up\"", "\"outbox_backlog\":0");
    }
}
