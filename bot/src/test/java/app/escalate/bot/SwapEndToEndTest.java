package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /esc swap}: Amara (primary on weekdays 08:00–17:00 London in the example policy) asks for
 * cover for Wednesday morning; the bot's clock starts on Tuesday 24 November 2026, 12:00 UTC.
 */
class SwapEndToEndTest {
    private static final String AMARA = "U0ESCAMARA";
    private static final String KENJI = "U0ESCKENJI";
    private static final String MARIA = "U0ESCMARIA";
    private static final String HELEN = "U0ESCHELEN";
    private static final String WEDNESDAY_MORNING = "swap 2026-11-25 09:00 2026-11-25 12:00";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger CLICKS = new AtomicInteger();

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    /** Types {@code /esc <text>} and returns the answer that follows the ack, once the person's zone is known. */
    private String ask(String user, String text) throws Exception {
        harness.slack.timeZone(user, "Europe/London");
        String path = "swap-" + CLICKS.incrementAndGet();
        harness.client().post(SignedSlackClient.slashCommand(user, "C0TEAM", text, harness.slack.responseUrl(path)));
        return harness.slack.await("response_url", c -> c.param("path").endsWith("/" + path), WAIT).param("text");
    }

    /** The request as posted (with its Cover button), once the bot knows where it went. */
    private FakeSlackApi.Call request() throws Exception {
        FakeSlackApi.Call posted = harness.slack.await("chat.postMessage", c -> c.param("blocks") != null && c.param("blocks").contains("swap_cover"), WAIT);
        harness.settle();
        return posted;
    }

    /** {@code user} presses Cover with {@code value} on the message at {@code channel}/{@code ts}; returns what only they are told, if anything. */
    private void press(String user, String channel, String ts, String value, String path) throws Exception {
        String action = """
                {"action_id":"swap_cover","block_id":"b","text":{"type":"plain_text","text":"Cover"},"value":"%s",
                 "type":"button","action_ts":"1764300300.1"}""".formatted(value);
        assertThat(harness.client().postPayload(SignedSlackClient.blockActions(user, channel, ts, harness.slack.responseUrl(path), action))
                .statusCode()).isEqualTo(200);
    }

    private String pressAndHear(String user, String channel, String ts, String value) throws Exception {
        String path = "cover-" + CLICKS.incrementAndGet();
        press(user, channel, ts, value, path);
        return harness.slack.await("response_url", c -> c.param("path").endsWith("/" + path), WAIT).param("text");
    }

    private static String textOf(FakeSlackApi.Call call) {
        return call.param("text");
    }

    @Test
    void the_first_volunteer_covers_the_shift_as_an_override_and_every_later_press_is_refused() throws Exception {
        String answer = ask(AMARA, WEDNESDAY_MORNING);
        assertThat(answer).startsWith("Swap request #1: asked #escalations to cover your primary on Escalations on-call");
        FakeSlackApi.Call request = request();
        String channel = request.answered("channel");
        String ts = request.answered("ts");
        assertThat(textOf(request)).startsWith(":twisted_rightwards_arrows: <@U0ESCAMARA> needs cover for primary on Escalations on-call, <!date^");

        press(KENJI, channel, ts, "1", "cover-kenji");

        FakeSlackApi.Call redrawn = harness.slack.await("chat.update", c -> ts.equals(c.param("ts")), WAIT);
        assertThat(textOf(redrawn)).contains("is covered by <@U0ESCKENJI>");
        assertThat(redrawn.param("blocks")).doesNotContain("swap_cover");
        assertThat(textOf(harness.slack.await("chat.postMessage", c -> AMARA.equals(c.param("channel")) && textOf(c).contains("covers your"), WAIT)))
                .startsWith(":white_check_mark: <@U0ESCKENJI> covers your primary on Escalations on-call").contains("(override #1)");
        assertThat(textOf(harness.slack.await("chat.postMessage", c -> KENJI.equals(c.param("channel")) && textOf(c).contains("You cover"), WAIT)))
                .startsWith(":white_check_mark: You cover <@U0ESCAMARA>'s primary").contains("`/esc override remove 1` gives it back");

        assertThat(pressAndHear(MARIA, channel, ts, "1")).isEqualTo("Too late: <@U0ESCKENJI> already covers this shift.");
        assertThat(pressAndHear(KENJI, channel, ts, "1")).isEqualTo("You already cover this shift.");
        assertThat(pressAndHear(HELEN, channel, ts, "1")).startsWith("Too late");
        assertThat(pressAndHear(MARIA, channel, ts, "2")).isEqualTo("That swap request is no longer on record.");
        harness.settle();
        assertThat(harness.slack.calls("chat.update")).hasSize(1);

        harness.advance(Duration.ofHours(22));   // Wednesday 10:00 UTC, inside the span
        String onCall = harness.esc(HELEN, "C0TEAM", "oncall").get("text").getAsString();
        assertThat(onCall).contains("• Primary: <@U0ESCKENJI> until <!date^", "• Override #1: <@U0ESCKENJI> is primary");
    }

    @Test
    void the_requester_an_outsider_and_a_button_from_another_message_are_refused_and_change_nothing_until_the_requester_cancels() throws Exception {
        ask(AMARA, WEDNESDAY_MORNING);
        FakeSlackApi.Call request = request();
        String channel = request.answered("channel");
        String ts = request.answered("ts");

        assertThat(pressAndHear(AMARA, channel, ts, "1")).startsWith("You asked for this cover");
        assertThat(pressAndHear(HELEN, channel, ts, "1")).isEqualTo("Only people who take primary turns in Escalations on-call can cover it.");
        assertThat(pressAndHear(KENJI, channel, "1764000000.000001", "1")).startsWith("That button is not on this swap request");
        assertThat(pressAndHear(KENJI, channel, ts, "0")).isEqualTo("That swap request is no longer on record.");
        harness.settle();

        assertThat(harness.slack.calls("chat.update")).isEmpty();
        assertThat(harness.esc(HELEN, "C0TEAM", "oncall").get("text").getAsString()).doesNotContain("Override #");

        assertThat(ask(KENJI, "swap cancel 1")).isEqualTo("Only whoever asked can cancel swap request #1.");
        assertThat(ask(AMARA, "swap cancel 1")).startsWith("Swap request #1 is cancelled");
        assertThat(textOf(harness.slack.await("chat.update", c -> ts.equals(c.param("ts")), WAIT))).contains("no longer needs cover");
        assertThat(pressAndHear(KENJI, channel, ts, "1")).isEqualTo("This swap request has been cancelled.");
    }

    @Test
    void asking_without_holding_the_shift_or_with_nothing_after_swap_is_answered_and_sends_nothing() throws Exception {
        assertThat(ask(KENJI, WEDNESDAY_MORNING)).isEqualTo("You hold no primary shift from 2026-11-25 09:00 to 2026-11-25 12:00"
                + " (Europe/London), so there is none of yours to swap; then you hold secondary in Escalations on-call.");
        assertThat(ask(AMARA, WEDNESDAY_MORNING + " with <@U0ESCHELEN|helen>")).startsWith("That person takes no primary turns");
        assertThat(harness.esc(AMARA, "C0TEAM", "swap").get("text").getAsString()).contains("`swap` is `/esc swap 2026-11-28 09:00");
        assertThat(harness.esc(AMARA, "C0TEAM", "help").get("text").getAsString()).contains("/esc swap &lt;from&gt; &lt;to&gt;");
        harness.settle();

        assertThat(harness.slack.calls("chat.postMessage")).noneMatch(c -> c.param("blocks") != null && c.param("blocks").contains("swap_cover"));
    }

    @Test
    void a_request_to_one_person_goes_to_them_alone_and_only_they_can_take_it() throws Exception {
        assertThat(ask(AMARA, WEDNESDAY_MORNING + " with <@U0ESCMARIA|maria>")).startsWith("Swap request #1: asked <@U0ESCMARIA> to cover");
        FakeSlackApi.Call request = request();
        assertThat(request.param("channel")).isEqualTo(MARIA);
        assertThat(textOf(request)).contains("<@U0ESCAMARA> asks you to cover primary");
        String dm = request.answered("channel");
        String ts = request.answered("ts");

        // Kenji sends the request's value from the message as if he were in Maria's direct messages.
        assertThat(pressAndHear(KENJI, dm, ts, "1")).isEqualTo("This swap request was sent to <@U0ESCMARIA> only.");
        press(MARIA, dm, ts, "1", "cover-maria");

        assertThat(textOf(harness.slack.await("chat.update", c -> ts.equals(c.param("ts")), WAIT))).contains("is covered by <@U0ESCMARIA>");
        harness.settle();
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> c.param("blocks") != null && c.param("blocks").contains("swap_cover"))
                .hasSize(1);
    }

    @Test
    void an_unanswered_request_is_reminded_once_and_expires_with_a_word_to_the_requester_when_the_shift_starts() throws Exception {
        ask(AMARA, WEDNESDAY_MORNING);
        FakeSlackApi.Call request = request();

        // Asked at 12:00 for 09:00 tomorrow: halfway is 22:30, twelve hours before is 21:00, the sooner.
        harness.advance(Duration.ofHours(8).plusMinutes(59));
        harness.awaitRuns("swap-sweep", 1);
        assertThat(harness.slack.calls("chat.postMessage")).noneMatch(c -> textOf(c) != null && textOf(c).startsWith(":bell: Still needed"));
        harness.advance(Duration.ofMinutes(1));
        harness.awaitRuns("swap-sweep", 2);
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> textOf(c) != null && textOf(c).startsWith(":bell: Still needed:"))
                .hasSize(1).allMatch(c -> c.param("channel").equals(request.param("channel")));

        harness.advance(Duration.ofHours(12));   // Wednesday 09:00 and a little: the shift has begun
        harness.awaitRuns("swap-sweep", 1);

        assertThat(textOf(harness.slack.await("chat.postMessage", c -> AMARA.equals(c.param("channel")) && textOf(c).startsWith(":hourglass: Nobody"), WAIT)))
                .startsWith(":hourglass: Nobody covered your primary on Escalations on-call").endsWith("; the shift is still yours.");
        assertThat(textOf(harness.slack.await("chat.update", c -> request.answered("ts").equals(c.param("ts")), WAIT)))
                .startsWith(":hourglass: Nobody covered <@U0ESCAMARA>'s primary");
        harness.awaitRuns("swap-sweep", 1);
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> textOf(c) != null && textOf(c).startsWith(":bell: Still needed:"))
                .hasSize(1);
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> textOf(c) != null && textOf(c).contains("Nobody covered your")).hasSize(1);
        assertThat(pressAndHear(KENJI, request.answered("channel"), request.answered("ts"), "1"))
                .isEqualTo("This swap request has expired: the shift has begun.");
    }

    @Test
    void a_request_to_one_person_slack_posted_though_it_answered_503_is_not_posted_again_and_its_button_still_works() throws Exception {
        harness.slack.doThenFail(c -> c.method().equals("chat.postMessage") && c.param("blocks") != null && c.param("blocks").contains("swap_cover"));

        ask(AMARA, WEDNESDAY_MORNING + " with <@U0ESCMARIA|maria>");
        request();
        harness.slack.await("conversations.history", c -> true, WAIT);
        harness.settle();
        // Where the bot recorded it, from the earlier try it found: Maria's direct-message channel, not her user id.
        String[] message;
        try (var db = harness.database()) {
            message = db.jdbi().withHandle(h -> h.createQuery("SELECT message_channel, message_ts FROM swap_requests WHERE id = 1")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).one());
        }
        assertThat(message[0]).startsWith("D");
        press(MARIA, message[0], message[1], "1", "cover-maria");

        assertThat(textOf(harness.slack.await("chat.update", c -> message[1].equals(c.param("ts")), WAIT)))
                .contains("is covered by <@U0ESCMARIA>");
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> c.param("blocks") != null && c.param("blocks").contains("swap_cover"))
                .hasSize(1);
    }
}
