package app.escalate.bot;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handoffs through the running bot: db-scheduler's sweep, the outbox, the fake Slack. The clock
 * starts Tuesday 24 November 2026 at 12:00 UTC in Amara's London shift; Los Angeles (Maria this
 * week) takes over at 08:00 there, 16:00 UTC.
 */
class HandoffEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MARIA = "U0ESCMARIA";
    private static final String AMARA = "U0ESCAMARA";
    private static final String HELEN = "U0ESCHELEN";
    private static final String TEAM = "escalations";
    private static final Duration PAST_LA_MORNING = Duration.ofHours(4).plusMinutes(1);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private static Predicate<FakeSlackApi.Call> digestTo(String channel) {
        return c -> channel.equals(c.param("channel")) && c.param("blocks") != null && c.json("blocks").contains("handoff_accept");
    }

    @Test
    void the_digest_goes_to_the_team_and_the_incoming_person_at_the_boundary_and_only_they_can_accept_it() throws Exception {
        harness.esc("U0ESCCHLOE", "C0TEAM", "open Refund scam spreading sev2");
        harness.esc("U0ESCPRIYA", "C0TEAM", "open Subpoena for account records type:regulatory-request");
        harness.slack.await("pins.add");
        watchStarted();
        harness.advance(Duration.ofHours(3).plusMinutes(55));
        harness.awaitRuns("handoff-sweep", 1);   // a sweep minutes before the boundary posts nothing
        assertThat(harness.slack.calls("chat.postMessage")).noneMatch(digestTo(TEAM));

        harness.advance(Duration.ofMinutes(6));   // 16:01 UTC

        FakeSlackApi.Call team = harness.slack.await("chat.postMessage", digestTo(TEAM), WAIT);
        String blocks = team.json("blocks");
        assertThat(blocks).contains("Handoff: Escalations on-call", "<@" + AMARA + "> → <@" + MARIA + ">", "Refund scam spreading",
                "1 restricted case is open", "Needs action in the next hour", "What changed this shift");
        assertThat(blocks).doesNotContain("Subpoena", "Late");
        FakeSlackApi.Call dm = harness.slack.await("chat.postMessage", digestTo(MARIA), WAIT);
        assertThat(dm.json("blocks")).contains("Refund scam spreading");
        JsonObject onCall = harness.esc(AMARA, "C0TEAM", "oncall");
        assertThat(onCall.get("text").getAsString()).contains("Handoff to <@" + MARIA + ">", "is not accepted yet");

        String handoffId = handoffId(blocks);
        click(AMARA, handoffId);
        FakeSlackApi.Call refused = harness.slack.await("response_url", c -> c.param("path").endsWith("accept-" + AMARA), WAIT);
        assertThat(refused.param("text")).isEqualTo("Only the incoming on-call named in this handoff can accept it.");

        click(MARIA, handoffId);
        harness.slack.await("chat.postMessage", c -> TEAM.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").contains("<@" + MARIA + "> accepted the Escalations on-call handoff from <@" + AMARA + ">"), WAIT);
        assertThat(harness.slack.await("response_url", c -> c.param("path").endsWith("accept-" + MARIA), WAIT).param("text"))
                .startsWith("Handoff accepted");
        assertThat(harness.esc(AMARA, "C0TEAM", "oncall").get("text").getAsString()).doesNotContain("not accepted yet");
        assertThat(harness.esc(HELEN, "C0TEAM", "handoff history").get("text").getAsString())
                .contains("*Handoffs of Escalations on-call*", "<@" + AMARA + "> → <@" + MARIA + ">: accepted");
    }

    /** Waits for the bot's first handoff sweep, which marks where its watch begins: a boundary before that is not its to post. */
    private void watchStarted() {
        try (var db = harness.database()) {
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> db.jdbi().withHandle(h ->
                    h.createQuery("SELECT COUNT(*) FROM handoff_marks").mapTo(Integer.class).one()) > 0);
        }
    }

    @Test
    void nobody_accepts_a_reminder_after_15_minutes_then_the_secondary_and_managers_after_45() throws Exception {
        watchStarted();
        harness.advance(PAST_LA_MORNING);
        harness.slack.await("chat.postMessage", digestTo(MARIA), WAIT);

        harness.advance(Duration.ofMinutes(15));
        FakeSlackApi.Call reminder = harness.slack.await("chat.postMessage", c -> MARIA.equals(c.param("channel"))
                && c.param("text") != null && c.param("text").startsWith(":bell:"), WAIT);
        assertThat(reminder.param("text")).contains("haven't accepted the handoff");

        harness.advance(Duration.ofMinutes(30));
        // This week's secondary is Amara; the managers are Helen.
        for (String told : new String[] {AMARA, HELEN, TEAM}) {
            FakeSlackApi.Call escalation = harness.slack.await("chat.postMessage", c -> told.equals(c.param("channel"))
                    && c.param("text") != null && c.param("text").startsWith(":warning: <@" + MARIA + "> has not accepted"), WAIT);
            assertThat(escalation.param("text")).contains("Escalations on-call");
        }
    }

    @Test
    void moving_the_clock_over_a_handover_while_the_bot_runs_posts_it_as_due_not_late() throws Exception {
        watchStarted();
        harness.advance(PAST_LA_MORNING.plusHours(20));   // over Los Angeles 08:00, Tokyo 08:00 and London 08:00 at once

        FakeSlackApi.Call team = harness.slack.await("chat.postMessage", digestTo(TEAM), WAIT);
        assertThat(team.json("blocks")).doesNotContain("Late", "while the bot was down");
        String history = harness.esc(AMARA, "C0TEAM", "handoff history").get("text").getAsString();
        assertThat(history).contains("passed over when the clock was moved on").doesNotContain("down", "late");
    }

    @Test
    void a_handoff_due_while_the_bot_was_down_is_posted_once_on_start_up_marked_late_even_with_two_replicas() throws Exception {
        watchStarted();
        harness.restartAfter(PAST_LA_MORNING.plusMinutes(20));
        harness.startReplica();

        FakeSlackApi.Call team = harness.slack.await("chat.postMessage", digestTo(TEAM), WAIT);
        assertThat(team.json("blocks")).contains("*Late*: this handoff was due at <!date^" + 1_795_536_000L);
        harness.awaitRuns("handoff-sweep", 2);   // later sweeps, on either replica: nothing more may be posted
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(digestTo(TEAM)).hasSize(1);
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(digestTo(MARIA)).hasSize(1);
    }

    @Test
    void a_digest_to_a_channel_the_policy_names_by_name_whose_post_went_unanswered_is_posted_once() throws Exception {
        // Slack posts the digest but the answer is lost (a 503, as from a gateway; or a process killed mid-call).
        harness.slack.doThenFail(digestTo(TEAM));
        watchStarted();
        harness.advance(PAST_LA_MORNING);

        harness.slack.await("chat.postMessage", digestTo(TEAM).and(c -> c.status() == 503), WAIT);
        // The retry looks in the channel's history first, by the id Slack knows #escalations by.
        FakeSlackApi.Call looked = harness.slack.await("conversations.history", FakeSlackApi.Call::answeredOk, WAIT);
        assertThat(looked.param("channel")).matches("C[A-Z0-9]+");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> harness.get("/healthz").body().contains("\"outbox_backlog\":0"));
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(digestTo(TEAM)).hasSize(1);
    }

    @Test
    void a_watched_case_and_the_outgoing_note_reach_the_next_digest() throws Exception {
        harness.esc("U0ESCCHLOE", "C0TEAM", "open Election deepfake spreading sev2");
        String channel = harness.slack.await("pins.add").param("channel");
        JsonObject watched = harness.esc(AMARA, channel, "watch");
        assertThat(watched.get("text").getAsString()).contains("flagged the case to watch");
        JsonObject noted = harness.esc(AMARA, "C0TEAM", "handoff note Comms statement due 18:00 &lt;UTC&gt;");
        assertThat(noted.get("text").getAsString()).contains("Noted for the next handoff digest of Escalations on-call",
                "when <@" + MARIA + "> takes over");
        JsonObject preview = harness.esc(AMARA, "C0TEAM", "handoff");
        assertThat(preview.toString()).contains("Comms statement due 18:00", "Watch list");
        watchStarted();

        harness.advance(PAST_LA_MORNING);

        String blocks = harness.slack.await("chat.postMessage", digestTo(TEAM), WAIT).json("blocks");
        assertThat(blocks).contains("Watch list", "Election deepfake spreading", "Notes from the outgoing shift",
                "Comms statement due 18:00 &lt;UTC&gt;");
    }

    @Test
    void only_the_rotation_writes_into_the_digest_and_the_outgoing_persons_notes_survive_a_flood() throws Exception {
        String refusal = "Handoff notes are for the people on a rotation and the `responders` group. To tell the on-call something, "
                + "add a note to the case (`/esc note …`).";
        assertThat(harness.esc("U0OUTSIDER", "C0TEAM", "handoff note Ignore the SEV1s tonight").get("text").getAsString()).isEqualTo(refusal);
        assertThat(harness.esc("U0ESCCHLOE", "C0TEAM", "handoff note Comms says all clear").get("text").getAsString()).isEqualTo(refusal);
        harness.esc(AMARA, "C0TEAM", "handoff note Legal call at 19:00 UTC about ESC-4");
        for (int i = 0; i < 12; i++) harness.esc("U0ESCKENJI", "C0TEAM", "handoff note filler " + i);
        watchStarted();

        harness.advance(PAST_LA_MORNING);

        String blocks = harness.slack.await("chat.postMessage", digestTo(TEAM), WAIT).json("blocks");
        assertThat(blocks).contains("Legal call at 19:00 UTC about ESC-4", "filler 11", "filler 3")
                .doesNotContain("Ignore the SEV1s", "all clear", "filler 0", "filler 2");
    }

    private void click(String user, String handoffId) throws Exception {
        String payload = SignedSlackClient.blockActions(user, "C0TEAM", "1764000000.000100", harness.slack.responseUrl("accept-" + user), """
                {"action_id":"handoff_accept","block_id":"handoff:%s","text":{"type":"plain_text","text":"Accept handoff"},
                 "value":"%s","type":"button","action_ts":"1764000000.2"}""".formatted(handoffId, handoffId));
        assertThat(harness.client().postPayload(payload).statusCode()).isEqualTo(200);
    }

    private static String handoffId(String blocks) {
        var m = java.util.regex.Pattern.compile("\"block_id\":\"handoff:(\\d+)\"").matcher(blocks);
        assertThat(m.find()).as("the digest has the Accept button").isTrue();
        return m.group(1);
    }
}
