package app.escalate.bot;

import app.escalate.bot.intake.IntakeSignature;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages that wake people, against a local PagerDuty Events API v2 and a webhook receiver: a
 * person's steps (Slack at once, the pager after their delay), quiet hours only a SEV1 breaks,
 * acknowledge and resolve reaching the pager, a refused call tried again and delivered once, and
 * {@code /esc page} climbing to the pager and stopping on the person's acknowledgement. Nobody
 * sleeps: the clock is moved and the sweeps awaited.
 *
 * <p>At the harness's start (Tuesday 12:00 UTC) Amara is primary and Kenji secondary. Amara's
 * quiet hours are 11:00-14:00 London; she is paged by Slack, then PagerDuty after 2 min. Kenji is
 * paged by Slack, then PagerDuty after 3 min; Lucas by the webhook alone.
 */
class PagingEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";   // 32 characters, as PagerDuty's are
    private static final String WEBHOOK_SECRET = "hook-s3cret";
    private static final FakePager PAGER = started();

    private static FakePager started() {
        try {
            return new FakePager();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @RegisterExtension
    final BotHarness harness = new BotHarness(PagingEndToEndTest::withPagers)
            .withEnv(Map.of("PD_ROUTING_KEY", ROUTING_KEY, "PAGER_WEBHOOK_SECRET", WEBHOOK_SECRET));

    static String withPagers(String yaml) {
        String people = """
                      - {after: 0m, via: slack}
                      - {after: 3m, via: pagerduty}
                  U0ESCAMARA:
                    time_zone: Europe/London
                    quiet_hours: "11:00-14:00"
                    notify: [{after: 0m, via: slack}, {after: 2m, via: pagerduty}]
                  U0ESCLUCAS:
                    time_zone: America/Los_Angeles
                    notify: [{after: 0m, via: webhook}]
                """;
        String replaced = yaml.replace("""
                      - {after: 0m, via: slack}
                  U0ESCAMARA:
                    time_zone: Europe/London
                  U0ESCMARIA:
                    time_zone: America/Los_Angeles
                  U0ESCLUCAS:
                    time_zone: America/Los_Angeles
                """, people + "  U0ESCMARIA:\n    time_zone: America/Los_Angeles\n");
        assertThat(replaced).as("the example policy's people as this test expects them").isNotEqualTo(yaml);
        return replaced.replace("\npeople:", """

                paging:
                  providers:
                    pagerduty: {routing_key_env: PD_ROUTING_KEY, events_url: "%s"}
                    webhook: {url: "%s", secret_env: PAGER_WEBHOOK_SECRET}
                people:""".formatted(PAGER.url("/v2/enqueue"), PAGER.url("/hook")));
    }

    @BeforeEach
    void clear() {
        PAGER.clear();
    }

    @AfterAll
    static void stop() {
        PAGER.close();
    }

    private String open(String text) throws Exception {
        harness.esc("U0ESCCHLOE", "C0TEAM", "open " + text);
        return harness.slack.await("pins.add").param("channel");
    }

    private List<FakePager.Request> pagerDuty() {
        return PAGER.requests().stream().filter(r -> r.path().equals("/v2/enqueue")).toList();
    }

    private List<String> timeline(String kind) {
        try (var db = harness.database()) {
            return db.jdbi().withHandle(h -> h.createQuery("SELECT data FROM case_events WHERE kind = :k ORDER BY id")
                    .bind("k", kind).mapTo(String.class).list());
        }
    }

    @Test
    void a_sev1_rings_pagerduty_after_the_persons_delay_through_quiet_hours_and_ack_and_resolve_stop_it() throws Exception {
        String channel = open("Deepfake of the minister spreading sev1");
        harness.slack.await("chat.postMessage", c -> "U0ESCAMARA".equals(c.param("channel")), WAIT);   // Slack at once, quiet hours or not
        harness.settle();
        assertThat(pagerDuty()).as("nothing before Amara's 2 min").isEmpty();

        harness.advance(Duration.ofMinutes(2));
        harness.awaitRuns("escalation-sweep", 1);

        FakePager.Request trigger = PAGER.await(r -> r.path().equals("/v2/enqueue"), WAIT);
        JsonObject event = trigger.json();
        assertThat(event.get("routing_key").getAsString()).isEqualTo(ROUTING_KEY);
        assertThat(event.get("event_action").getAsString()).isEqualTo("trigger");
        assertThat(event.get("dedup_key").getAsString()).isEqualTo("ESC-1");
        JsonObject payload = event.getAsJsonObject("payload");
        assertThat(payload.get("summary").getAsString()).startsWith("ESC-1 SEV1: Deepfake of the minister spreading");
        assertThat(payload.get("severity").getAsString()).isEqualTo("critical");
        assertThat(payload.getAsJsonObject("custom_details").get("person").getAsString()).isEqualTo("U0ESCAMARA");
        assertThat(event.getAsJsonArray("links").get(0).getAsJsonObject().get("href").getAsString())
                .isEqualTo("https://slack.com/app_redirect?channel=" + channel);
        assertThat(trigger.header("Content-Type")).isEqualTo("application/json");
        assertThat(timeline("PAGER_CALLED")).singleElement().asString().contains("\"delivered\":\"true\"", "HTTP 202");
        assertThat(timeline("PAGER_CALLED").get(0)).doesNotContain(ROUTING_KEY);

        harness.esc("U0ESCAMARA", channel, "ack");
        FakePager.Request ack = PAGER.await(r -> r.action().equals("acknowledge"), WAIT);
        assertThat(ack.dedupKey()).isEqualTo("ESC-1");
        assertThat(ack.json().has("payload")).isFalse();

        harness.esc("U0ESCAMARA", channel, "resolve Takedown confirmed by the host cause:adversarial-abuse");
        FakePager.Request resolve = PAGER.await(r -> r.action().equals("resolve"), WAIT);
        assertThat(resolve.dedupKey()).isEqualTo("ESC-1");
        harness.advance(Duration.ofMinutes(10));
        harness.awaitRuns("escalation-sweep", 1);
        assertThat(pagerDuty()).extracting(FakePager.Request::action).containsExactly("trigger", "acknowledge", "resolve");
    }

    @Test
    void a_refused_call_is_tried_again_and_delivered_once_each_try_on_the_timeline() throws Exception {
        open("Voice clone scam calls sev1");
        PAGER.answerNext(500, Map.of(), "{\"status\":\"error\"}");
        PAGER.answerNext(429, Map.of("Retry-After", "1"), "{\"status\":\"throttled\"}");
        harness.advance(Duration.ofMinutes(2));
        harness.awaitRuns("escalation-sweep", 1);

        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> timeline("PAGER_CALLED").size() == 3);
        harness.settle();
        assertThat(pagerDuty()).hasSize(3).allSatisfy(r -> {
            assertThat(r.action()).isEqualTo("trigger");
            assertThat(r.dedupKey()).isEqualTo("ESC-1");
        });
        List<String> tries = timeline("PAGER_CALLED");
        assertThat(tries.get(0)).contains("HTTP 500", "\"delivered\":\"false\"", "\"attempt\":\"1\"");
        assertThat(tries.get(1)).contains("HTTP 429", "\"delivered\":\"false\"", "\"attempt\":\"2\"");
        assertThat(tries.get(2)).contains("HTTP 202", "\"delivered\":\"true\"", "\"attempt\":\"3\"");
        harness.advance(Duration.ofMinutes(1));   // Kenji, secondary, rings the same incident at his 3 min: Amara's trigger is not sent again
        harness.awaitRuns("escalation-sweep", 1);
        assertThat(pagerDuty()).as("delivered once: nothing sent again for Amara").filteredOn(r -> r.json().getAsJsonObject("payload")
                .getAsJsonObject("custom_details").get("person").getAsString().equals("U0ESCAMARA")).hasSize(3);
    }

    @Test
    void quiet_hours_hold_a_sev3_until_they_end_and_a_sev1_breaks_them() throws Exception {
        String channel = open("Spam wave in comments sev3");
        harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").contains("waits for the end of their quiet hours"), WAIT);
        harness.settle();
        assertThat(harness.slack.calls("chat.postMessage")).as("no page to Amara in her quiet hours")
                .noneMatch(c -> "U0ESCAMARA".equals(c.param("channel")));

        harness.advance(Duration.ofMinutes(5));
        harness.awaitRuns("escalation-sweep", 1);
        assertThat(harness.slack.calls("chat.postMessage")).noneMatch(c -> "U0ESCAMARA".equals(c.param("channel")));
        assertThat(pagerDuty()).isEmpty();

        harness.esc("U0ESCMARIA", channel, "sev 1");   // a SEV1 breaks them at once
        FakeSlackApi.Call page = harness.slack.await("chat.postMessage", c -> "U0ESCAMARA".equals(c.param("channel")), WAIT);
        assertThat(page.param("text")).contains("You're primary on call", "ESC-1");
        harness.advance(Duration.ofMinutes(2));
        harness.awaitRuns("escalation-sweep", 1);
        assertThat(PAGER.await(r -> r.path().equals("/v2/enqueue"), WAIT).dedupKey()).isEqualTo("ESC-1");
    }

    @Test
    void a_sev3_held_by_quiet_hours_pages_when_they_end() throws Exception {
        open("Spam wave in comments sev3");
        harness.settle();
        assertThat(harness.slack.calls("chat.postMessage")).noneMatch(c -> "U0ESCAMARA".equals(c.param("channel")));

        harness.advance(Duration.ofHours(2));   // 14:00 in London: her quiet hours are over
        harness.awaitRuns("escalation-sweep", 1);

        harness.slack.await("chat.postMessage", c -> "U0ESCAMARA".equals(c.param("channel"))
                && c.param("text").contains("You're primary on call"), WAIT);
    }

    @Test
    void an_ad_hoc_page_climbs_to_the_pager_and_stops_when_its_person_acknowledges() throws Exception {
        String channel = open("Agent deleting user files sev2");
        harness.esc("U0ESCAMARA", channel, "page <@U0ESCKENJI> need eyes on the agent's tool logs");
        FakeSlackApi.Call dm = harness.slack.await("chat.postMessage", c -> "U0ESCKENJI".equals(c.param("channel"))
                && c.json("blocks") != null && c.json("blocks").contains("page_ack"), WAIT);
        assertThat(dm.param("text")).isEqualTo("You were paged for ESC-1");
        assertThat(dm.json("blocks")).contains("need eyes on the agent's tool logs", "Acknowledge page", "\"value\":\"1|2\"");
        harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").contains("paged <@U0ESCKENJI>: need eyes on the agent's tool logs"), WAIT);
        harness.slack.await("conversations.invite", c -> "U0ESCKENJI".equals(c.param("users")), WAIT);
        harness.settle();
        assertThat(pagerDuty()).isEmpty();

        harness.advance(Duration.ofMinutes(3));
        harness.awaitRuns("escalation-sweep", 1);
        FakePager.Request trigger = PAGER.await(r -> r.path().equals("/v2/enqueue"), WAIT);
        assertThat(trigger.dedupKey()).isEqualTo("ESC-1-page-2");
        assertThat(trigger.json().getAsJsonObject("payload").get("summary").getAsString())
                .contains("need eyes on the agent's tool logs", "ESC-1 SEV2");

        click("U0ESCMARIA", "1|2");   // someone else: refused, nothing stops
        harness.slack.await("response_url", c -> c.param("text") != null && c.param("text").contains("only they can acknowledge it"), WAIT);
        click("U0ESCKENJI", "1|1");   // a forged value naming the rotation's page
        harness.slack.await("response_url", c -> c.param("text") != null && c.param("text").contains("There is no such page on ESC-1"), WAIT);
        click("U0ESCKENJI", "9|2");   // a case that does not exist
        harness.settle();
        assertThat(pagerDuty()).extracting(FakePager.Request::action).containsExactly("trigger");

        click("U0ESCKENJI", "1|2");
        FakePager.Request ack = PAGER.await(r -> r.action().equals("acknowledge"), WAIT);
        assertThat(ack.dedupKey()).isEqualTo("ESC-1-page-2");
        harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").contains("<@U0ESCKENJI> acknowledged the page"), WAIT);
        click("U0ESCKENJI", "1|2");   // again: once is enough
        harness.slack.await("response_url", c -> c.param("text") != null && c.param("text").contains("acknowledged this page already"), WAIT);

        harness.advance(Duration.ofMinutes(20));   // past the SEV2 ack time: an answered page goes nowhere
        harness.awaitRuns("escalation-sweep", 1);
        assertThat(pagerDuty()).extracting(FakePager.Request::action).containsExactly("trigger", "acknowledge");
        assertThat(timeline("PAGE_UNANSWERED")).isEmpty();
    }

    @Test
    void a_group_page_unanswered_climbs_to_the_groups_next_member() throws Exception {
        String channel = open("Prompt injection via support widget sev2");
        harness.esc("U0ESCAMARA", channel, "page eng the widget's model config may be wrong");
        harness.slack.await("chat.postMessage", c -> "U0ESCDIEGO".equals(c.param("channel")) && c.param("text").contains("paged"), WAIT);
        harness.settle();
        assertThat(harness.slack.calls("chat.postMessage")).noneMatch(c -> "U0ESCKENJI".equals(c.param("channel"))
                && c.json("blocks") != null && c.json("blocks").contains("page_ack"));

        harness.advance(Duration.ofMinutes(16));   // SEV2: 15 min to answer
        harness.awaitRuns("escalation-sweep", 1);

        harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").matches(":warning: <@U0ESCDIEGO> has not acknowledged the page after 1[56] min; paging <@U0ESCKENJI>, next in eng"), WAIT);
        FakeSlackApi.Call next = harness.slack.await("chat.postMessage", c -> "U0ESCKENJI".equals(c.param("channel")) && c.json("blocks") != null
                && c.json("blocks").contains("page_ack"), WAIT);
        assertThat(next.json("blocks")).contains("the widget's model config may be wrong", "paged you for");
    }

    @Test
    void the_webhook_receives_the_page_signed_and_hears_the_resolution() throws Exception {
        String channel = open("Fake giveaway ads sev3");
        harness.esc("U0ESCMARIA", channel, "page <@U0ESCLUCAS> advertiser escalation, you own the account");
        FakePager.Request hook = PAGER.await(r -> r.path().equals("/hook"), WAIT);
        assertThat(new IntakeSignature(WEBHOOK_SECRET).holds(hook.header(IntakeSignature.TIMESTAMP), hook.body(),
                hook.header(IntakeSignature.SIGNATURE), Instant.now())).as("signed with the webhook's secret").isTrue();
        JsonObject body = hook.json();
        assertThat(body.get("case").getAsString()).isEqualTo("ESC-1");
        assertThat(body.get("action").getAsString()).isEqualTo("trigger");
        assertThat(body.get("dedup_key").getAsString()).isEqualTo("ESC-1-page-2");
        assertThat(body.getAsJsonObject("person").get("id").getAsString()).isEqualTo("U0ESCLUCAS");
        assertThat(body.get("summary").getAsString()).contains("Fake giveaway ads", "advertiser escalation");

        harness.esc("U0ESCMARIA", channel, "resolve Ads taken down");
        FakePager.Request resolved = PAGER.await(r -> r.path().equals("/hook") && r.action().equals("resolve"), WAIT);
        assertThat(resolved.dedupKey()).isEqualTo("ESC-1-page-2");
    }

    private void click(String user, String value) throws Exception {
        String payload = SignedSlackClient.blockActions(user, "D0PAGEDM", "1764000000.000300", harness.slack.responseUrl("page-" + user), """
                {"action_id":"page_ack","block_id":"page_ack:x","text":{"type":"plain_text","text":"Acknowledge page"},
                 "value":"%s","type":"button","action_ts":"1764000000.3"}""".formatted(value));
        assertThat(harness.client().postPayload(payload).statusCode()).isEqualTo(200);
    }
}
