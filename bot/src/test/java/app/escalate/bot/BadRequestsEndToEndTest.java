package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that are not what Slack sends: unsigned, wrongly signed, stale, malformed or wrongly
 * typed. Each gets a 4xx, the bot stays up, and nothing changes.
 */
class BadRequestsEndToEndTest {
    private static final long SEED = 20261130L;

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @Test
    void unsigned_wrongly_signed_and_stale_requests_are_refused_with_401() throws Exception {
        String open = SignedSlackClient.slashCommand("U0ESCMARIA", "C0TEAM", "open Forged case", harness.slack.responseUrl("r"));
        SignedSlackClient client = harness.client();

        assertThat(client.postUnsigned(open).statusCode()).isEqualTo(401);
        assertThat(client.post(open, "not-the-secret", Instant.now()).statusCode()).isEqualTo(401);
        assertThat(client.post(open, BotHarness.SECRET, Instant.now().minusSeconds(600)).statusCode()).isEqualTo(401);
        assertThat(client.postUnsigned("payload=%7B%22type%22").statusCode()).isEqualTo(401);
        assertThat(client.postUnsigned("{\"type\":\"event_callback\",").statusCode()).isEqualTo(401);

        assertNothingChanged();
    }

    @Test
    void signed_but_malformed_or_wrongly_typed_bodies_get_4xx() throws Exception {
        SignedSlackClient client = harness.client();
        List<String> forms = List.of("", "%%%", "=", "payload=", "payload=not-json", "payload=%5B1%2C2%5D", "payload=%7B%22type%22",
                "payload=" + enc("{\"type\":\"block_actions\",\"actions\":\"nope\"}"),
                "payload=" + enc("{\"type\":\"block_actions\",\"user\":7,\"actions\":[{\"action_id\":{}}]}"),
                "payload=" + enc("{\"type\":\"view_submission\",\"view\":\"x\"}"),
                "payload=" + enc("{\"type\":42}"),
                "command=%2Fesc&text=" + enc("open x") + "&user_id=&channel_id=");
        for (String form : forms) {
            assertThat(client.post(form).statusCode()).as("form body %s", form).isEqualTo(400);
        }
        assertThat(client.post("command=%2Fnot-ours&text=open+x&user_id=U0ESCMARIA&channel_id=C0TEAM").statusCode())
                .as("a command that is not ours").isEqualTo(404);
        List<String> events = List.of("", "{", "[]", "null", "{\"type\":\"event_callback\"}", "{\"type\":\"event_callback\",\"event\":\"x\"}",
                "{\"type\":\"event_callback\",\"event_id\":7,\"event\":{\"type\":\"reaction_added\",\"item\":\"x\"}}", "{\"type\":[]}");
        for (String json : events) {
            assertThat(client.postJson(json).statusCode()).as("JSON body %s", json).isEqualTo(400);
        }

        assertNothingChanged();
    }

    @Test
    void requests_dated_more_than_five_minutes_ahead_are_refused_like_stale_ones() throws Exception {
        SignedSlackClient client = harness.client();
        String ahead = SignedSlackClient.slashCommand("U0ESCMARIA", "C0TEAM", "open Case from the future", harness.slack.responseUrl("r"));

        assertThat(client.post(ahead, BotHarness.SECRET, Instant.now().plusSeconds(600)).statusCode()).isEqualTo(401);
        assertThat(client.post(ahead, BotHarness.SECRET, Instant.now().plusSeconds(320)).statusCode()).isEqualTo(401);
        // A clock a little fast is tolerated, as Slack's own check tolerates one a little slow.
        String skewed = SignedSlackClient.slashCommand("U0ESCMARIA", "C0TEAM", "open Case from a fast clock", harness.slack.responseUrl("r"));
        assertThat(client.post(skewed, BotHarness.SECRET, Instant.now().plusSeconds(120)).body()).contains("Opened *ESC-1*");

        assertThat(harness.esc("U0ESCMARIA", "C0TEAM", "status").get("text").getAsString())
                .contains("Case from a fast clock").doesNotContain("Case from the future");
    }

    @Test
    void a_signed_request_sent_again_is_ignored_even_after_a_restart() throws Exception {
        String open = SignedSlackClient.slashCommand("U0ESCMARIA", "C0TEAM", "open Replayed case", harness.slack.responseUrl("r"));
        Instant signedAt = Instant.now();

        assertThat(harness.client().post(open, BotHarness.SECRET, signedAt).body()).contains("Opened *ESC-1*");
        HttpResponse<String> replay = harness.client().post(open, BotHarness.SECRET, signedAt);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEmpty();
        harness.restart();
        assertThat(harness.client().post(open, BotHarness.SECRET, signedAt).body()).isEmpty();

        String channel = harness.slack.await("pins.add").param("channel");
        String ack = SignedSlackClient.blockActions("U0ESCMARIA", channel, "1764300000.000100", harness.slack.responseUrl("replayed"), """
                {"action_id":"case_acknowledge","block_id":"case_actions:1","text":{"type":"plain_text","text":"x"},"value":"1",
                 "type":"button","action_ts":"1764300300.1"}""");
        Instant clickedAt = Instant.now();
        assertThat(harness.client().post("payload=" + enc(ack), BotHarness.SECRET, clickedAt).statusCode()).isEqualTo(200);
        assertThat(harness.client().post("payload=" + enc(ack), BotHarness.SECRET, clickedAt).statusCode()).isEqualTo(200);
        // A fresh click of the same button is a new request: refused as acknowledged already. Replies to one person are
        // delivered in order, so this one arriving with none before it proves the replay was never handled.
        harness.client().postPayload(ack.replace("/replayed", "/fresh"));
        assertThat(harness.slack.await("response_url", c -> c.param("path").endsWith("/fresh"), java.time.Duration.ofSeconds(10))
                .param("text")).isEqualTo("ESC-1 was already acknowledged.");
        assertThat(harness.slack.calls("response_url")).noneMatch(c -> c.param("path").endsWith("/replayed"));

        assertThat(harness.esc("U0ESCMARIA", "C0TEAM", "status").get("text").getAsString()).contains("Replayed case");
        assertThat(harness.esc("U0ESCMARIA", "C0TEAM", "status ESC-2").get("text").getAsString()).isEqualTo("There is no case ESC-2 that you can see.");
    }

    @Test
    void random_signed_bodies_never_get_a_server_error_or_change_anything() throws Exception {
        SignedSlackClient client = harness.client();
        Random random = new Random(SEED);
        List<String> types = List.of("block_actions", "view_submission", "view_closed", "message_action", "shortcut", "event_callback",
                "url_verification", "nope");
        List<String> values = List.of("null", "1", "-1", "\"\"", "\"x\"", "[]", "{}", "[{}]", "true", "{\"id\":{}}", "\"U0ESCMARIA\"",
                "\"" + "x".repeat(3000) + "\"");
        List<String> keys = List.of("type", "user", "actions", "view", "channel", "message", "container", "trigger_id", "response_url",
                "callback_id", "event", "event_id", "team", "state", "private_metadata", "action_id", "value");
        for (int i = 0; i < 300; i++) {
            StringBuilder json = new StringBuilder("{\"type\":\"" + types.get(random.nextInt(types.size())) + "\"");
            for (int k = random.nextInt(8); k > 0; k--) {
                json.append(",\"").append(keys.get(random.nextInt(keys.size()))).append("\":").append(values.get(random.nextInt(values.size())));
            }
            json.append('}');
            HttpResponse<String> res = random.nextBoolean() ? client.postPayload(json.toString()) : client.postJson(json.toString());
            assertThat(res.statusCode()).as("body #%d (seed %d): %.300s", i, SEED, json).isLessThan(500);
        }

        assertNothingChanged();
    }

    private void assertNothingChanged() throws Exception {
        assertThat(harness.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(harness.esc("U0ESCMARIA", "C0TEAM", "status ESC-1").get("text").getAsString())
                .isEqualTo("There is no case ESC-1 that you can see.");
        assertThat(harness.esc("U0ESCMARIA", "C0TEAM", "open Real case after the noise").get("text").getAsString()).contains("Opened *ESC-1*");
        assertThat(harness.slack.calls()).extracting(FakeSlackApi.Call::method)
                .doesNotContain("chat.postEphemeral", "views.open", "views.update", "chat.update");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
