package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slack answers nothing but 429s and then 500s for a minute while cases are opened and worked:
 * the commands still answer, the backlog shows on /healthz and /metrics, and once Slack is back
 * every effect is delivered exactly once, in order within each channel.
 */
class SlackOutageEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";
    private static final String AMARA = "U0ESCAMARA"; // primary on call at the harness's start time

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @Test
    void a_minute_of_429s_and_500s_delays_every_effect_but_loses_and_repeats_none() throws Exception {
        harness.slack.outage(429, Map.of("Retry-After", "20"), "{\"ok\":false,\"error\":\"ratelimited\"}");
        Instant outageBegan = Instant.now();
        for (int i = 1; i <= 3; i++) {
            assertThat(harness.esc(MARIA, "C0TEAM", "open Outage case " + i + " sev2").get("text").getAsString())
                    .contains("Opened *ESC-" + i + "*");
        }
        assertThat(harness.esc(AMARA, "C0TEAM", "ack ESC-1").get("text").getAsString()).contains("ESC-1");
        assertThat(harness.esc(AMARA, "C0TEAM", "sev ESC-1 1").get("text").getAsString()).contains("SEV1");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(harness.slack.calls()).isNotEmpty();
            assertThat(backlog(harness.get("/healthz").body(), "\"outbox_backlog\":(\\d+)")).isGreaterThanOrEqualTo(15);
            assertThat(backlog(harness.get("/metrics").body(), "(?m)^escalate_outbox_backlog (\\d+)")).isGreaterThanOrEqualTo(15);
        });
        assertThat(harness.get("/healthz").statusCode()).isEqualTo(200);

        harness.slack.outage(500, Map.of(), "upstream connect error");
        harness.advance(Duration.ofSeconds(30));   // past the Retry-After: the retries meet the 500s
        await().atMost(Duration.ofSeconds(10)).until(() -> answered(500) > 0);
        long failedSoFar = answered(500);
        harness.advance(Duration.ofSeconds(30));   // past the back-off after a 500: they are tried, and fail, again
        await().atMost(Duration.ofSeconds(10)).until(() -> answered(500) > failedSoFar);
        // (What the bot asks in the background at start, auth.test and the set-up check, may have got in before the outage did.)
        assertThat(harness.slack.calls()).filteredOn(call -> call.at().isAfter(outageBegan)).isNotEmpty().allMatch(call -> !call.answeredOk());
        assertThat(harness.slack.calls()).extracting(FakeSlackApi.Call::status).contains(429, 500);

        harness.slack.recover();
        harness.advance(Duration.ofMinutes(5)); // past the longest back-off
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(harness.get("/healthz").body()).contains("\"outbox_backlog\":0"));

        List<FakeSlackApi.Call> delivered = harness.slack.calls().stream().filter(FakeSlackApi.Call::answeredOk).toList();
        List<String> channels = delivered.stream().filter(c -> c.method().equals("pins.add")).map(c -> c.param("channel")).toList();
        assertThat(delivered.stream().filter(c -> c.method().equals("conversations.create")).map(c -> c.param("name")))
                .containsExactlyInAnyOrder("esc-1-outage-case-1", "esc-2-outage-case-2", "esc-3-outage-case-3");
        assertThat(channels).hasSize(3).doesNotHaveDuplicates();
        // Nothing was posted twice: every message Slack accepted is different from every other.
        Map<String, Long> posts = delivered.stream().filter(c -> c.method().equals("chat.postMessage") || c.method().equals("response_url"))
                .map(c -> c.param("channel") + "|" + c.param("text") + "|" + c.param("path"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(posts).allSatisfy((post, times) -> assertThat(times).as(post).isEqualTo(1L));
        assertThat(delivered).filteredOn(c -> c.method().equals("response_url")).hasSize(3);

        // In ESC-1's channel: the card, then the acknowledgement, then the severity change, as they happened.
        String esc1 = delivered.stream().filter(c -> c.method().equals("chat.postMessage") && c.json("blocks") != null
                && c.json("blocks").contains("ESC-1 ·")).map(c -> c.param("channel")).findFirst().orElseThrow();
        // (The triage suggestion, made in the background after the open, may come anywhere among them.)
        List<String> inEsc1 = delivered.stream().filter(c -> c.method().equals("chat.postMessage") && esc1.equals(c.param("channel")))
                .filter(c -> c.param("metadata") == null || !c.param("metadata").contains("ShowTriage"))
                .map(c -> c.json("blocks") != null && c.json("blocks").contains("ESC-1 ·") ? "card" : c.param("text")).toList();
        assertThat(inEsc1).hasSize(3);
        assertThat(inEsc1.get(0)).isEqualTo("card");
        assertThat(inEsc1.get(1)).containsIgnoringCase("acknowledged");
        assertThat(inEsc1.get(2)).contains("SEV1");
    }

    @Test
    void a_bot_restarted_while_slack_is_down_still_takes_cases_and_delivers_them_when_slack_is_back() throws Exception {
        harness.slack.outage(503, Map.of(), "service unavailable");
        harness.restart();

        assertThat(harness.esc(MARIA, "C0TEAM", "open Started during an outage").get("text").getAsString()).contains("Opened *ESC-1*");
        assertThat(harness.esc(MARIA, "C0TEAM", "status ESC-1").get("text").getAsString()).contains("Started during an outage");

        harness.slack.recover();
        harness.advance(Duration.ofMinutes(5));
        harness.slack.await("pins.add");
        assertThat(harness.slack.calls("conversations.create")).filteredOn(FakeSlackApi.Call::answeredOk)
                .extracting(c -> c.param("name")).containsExactly("esc-1-started-during-an-outage");
    }

    @Test
    void a_token_slack_says_is_invalid_is_still_refused() throws Exception {
        harness.slack.failNext("auth.test", 1_000, 200, Map.of(), "{\"ok\":false,\"error\":\"invalid_auth\"}");
        harness.restart();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(harness.client().post(SignedSlackClient.slashCommand(
                MARIA, "C0TEAM", "status", harness.slack.responseUrl("r"))).statusCode()).isEqualTo(401));
        assertThat(harness.slack.calls("conversations.create")).isEmpty();
    }

    private long answered(int status) {
        return harness.slack.calls().stream().filter(call -> call.status() == status).count();
    }

    private static long backlog(String body, String pattern) {
        var matcher = java.util.regex.Pattern.compile(pattern).matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
