package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shift reminders through the running bot: db-scheduler's sweep, the outbox, the fake Slack. The
 * example policy reminds an hour before each shift. The clock starts Tuesday 24 November 2026 at
 * 12:00 UTC in Amara's London shift; Los Angeles (Maria this week) takes over at 16:00 UTC, so
 * Maria's reminder is due at 15:00.
 */
class ShiftReminderEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MARIA = "U0ESCMARIA";
    /** 16:00 UTC on 24 November 2026, as a Slack date token's seconds. */
    private static final long LA_MORNING = 1_795_536_000L;

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private static final Predicate<FakeSlackApi.Call> REMINDER_TO_MARIA = c -> MARIA.equals(c.param("channel"))
            && c.param("text") != null && c.param("text").contains("Your shift on");

    private static final Predicate<FakeSlackApi.Call> DIGEST_TO_MARIA = c -> MARIA.equals(c.param("channel"))
            && c.param("blocks") != null && c.json("blocks").contains("handoff_accept");

    @Test
    void the_incoming_person_gets_one_reminder_an_hour_ahead_with_a_preview_of_their_digest_even_across_a_restart() throws Exception {
        harness.esc("U0ESCCHLOE", "C0TEAM", "open Refund scam spreading sev2");
        harness.esc("U0ESCPRIYA", "C0TEAM", "open Subpoena for account records type:regulatory-request");
        harness.slack.await("pins.add");
        harness.advance(Duration.ofHours(2).plusMinutes(55));   // 14:55 UTC
        harness.awaitRuns("shift-reminder-sweep", 1);
        assertThat(harness.slack.calls("chat.postMessage")).noneMatch(REMINDER_TO_MARIA);

        harness.advance(Duration.ofMinutes(6));   // 15:01 UTC

        FakeSlackApi.Call reminder = harness.slack.await("chat.postMessage", REMINDER_TO_MARIA, WAIT);
        assertThat(reminder.param("text")).startsWith(":hourglass_flowing_sand: Your shift on Escalations on-call starts <!date^" + LA_MORNING + "^")
                .contains("Preview of your handoff digest");
        String blocks = reminder.json("blocks");
        assertThat(blocks).contains("Preview of your handoff digest: Escalations on-call", "taking over from <@U0ESCAMARA>",
                "Needs action in the next hour", "Refund scam spreading", "SEV2", "1 restricted case is open");
        assertThat(blocks).doesNotContain("Subpoena", "handoff_accept");

        harness.awaitRuns("shift-reminder-sweep", 2);   // later sweeps remind nobody again
        harness.restart();
        harness.awaitRuns("shift-reminder-sweep", 2);   // nor do a new process's
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(REMINDER_TO_MARIA).hasSize(1);

        harness.advance(Duration.ofMinutes(60));   // 16:01 UTC: the digest itself, and still one reminder
        harness.slack.await("chat.postMessage", DIGEST_TO_MARIA, WAIT);
        harness.awaitRuns("shift-reminder-sweep", 1);
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(REMINDER_TO_MARIA).hasSize(1);
    }

    @Test
    void a_reminder_due_while_the_bot_was_down_is_sent_late_once_even_with_two_replicas() throws Exception {
        harness.restartAfter(Duration.ofHours(3).plusMinutes(30));   // down from 12:00 to 15:30 UTC
        harness.startReplica();

        FakeSlackApi.Call reminder = harness.slack.await("chat.postMessage", REMINDER_TO_MARIA, WAIT);
        assertThat(reminder.param("text")).contains("starts <!date^" + LA_MORNING + "^");
        harness.awaitRuns("shift-reminder-sweep", 2);
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(REMINDER_TO_MARIA).hasSize(1);
    }

    @Test
    void a_reminder_whose_shift_began_while_the_bot_was_down_is_not_sent() throws Exception {
        harness.restartAfter(Duration.ofHours(4).plusMinutes(1));   // down from 12:00 to 16:01 UTC, over Maria's reminder and start

        harness.awaitRuns("shift-reminder-sweep", 2);

        assertThat(harness.slack.calls("chat.postMessage")).noneMatch(REMINDER_TO_MARIA);
    }
}
