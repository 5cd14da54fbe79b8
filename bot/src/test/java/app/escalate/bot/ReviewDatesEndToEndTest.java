package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prompts and runbooks carry a review date: {@code /esc stats} lists the ones past it, and every
 * Monday at 08:00 UTC the team channel is told, with each owner mentioned.
 */
class ReviewDatesEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The executive-summary prompt is overdue from the start (Tuesday 24 Nov); the deepfake runbook from Saturday 28 Nov. */
    @RegisterExtension
    final BotHarness harness = new BotHarness(yaml -> yaml
            .replace("review_by: 2027-02-26", "review_by: 2026-11-20")
            .replace("review_by: 2027-02-28", "review_by: 2026-11-27"));

    @Test
    void stats_list_what_is_overdue_and_the_monday_job_reminds_the_team_channel() throws Exception {
        String stats = harness.esc("U0ESCHELEN", "C0TEAM", "stats 7d").get("text").getAsString();
        assertThat(stats).contains("*Past their review date* (the team channel is reminded every Monday):\n"
                        + "• Executive summary prompt (exec-summary.v1), owner <@U0ESCMARIA>, review by 2026-11-20")
                .doesNotContain("Deepfake / synthetic media, owner");

        harness.advance(Duration.between(BotHarness.START, Instant.parse("2026-11-30T08:00:30Z")));
        FakeSlackApi.Call reminder = harness.slack.await("chat.postMessage", ReviewDatesEndToEndTest::isReminder, WAIT);

        assertThat(reminder.param("channel")).isEqualTo("escalations");
        assertThat(reminder.param("text")).startsWith(":calendar: *Review dates*: these 2 pieces of the team's judgment passed")
                .endsWith("\n• Executive summary prompt (exec-summary.v1), owner <@U0ESCMARIA>, review by 2026-11-20"
                        + "\n• Runbook decision tree of Deepfake / synthetic media, owner <@U0ESCOMAR>, review by 2026-11-27")
                .doesNotContain("rca", "LLM hallucination");
        harness.awaitRuns("sla-sweep", 1);   // the scheduler polls on and runs other jobs: this one is not run again
        assertThat(harness.slack.calls("chat.postMessage")).as("once a week, not on every poll")
                .filteredOn(ReviewDatesEndToEndTest::isReminder).hasSize(1);
    }

    private static boolean isReminder(FakeSlackApi.Call call) {
        return call.param("text") != null && call.param("text").contains("Review dates");
    }
}
