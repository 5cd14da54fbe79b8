package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** At start-up the bot looks 14 days ahead and tells the team channel about any hour nobody covers. */
class CoverageCheckEndToEndTest {
    /** London's window shortened to 09:00-17:00 leaves 08:00-09:00 UTC uncovered on weekdays. */
    @RegisterExtension
    final BotHarness harness = new BotHarness(yaml -> yaml.replace(
            "time_zone: Europe/London\n        window: \"08:00-17:00\"", "time_zone: Europe/London\n        window: \"09:00-17:00\""));

    @Test
    void a_gap_in_the_next_fortnight_is_posted_to_the_team_channel_once() throws Exception {
        FakeSlackApi.Call notice = harness.slack.await("chat.postMessage", c -> "escalations".equals(c.param("channel")),
                Duration.ofSeconds(15));

        assertThat(notice.param("text")).startsWith(":warning: On-call coverage: nobody is on call in these windows")
                .contains("- Escalations on-call, primary: Wed 25 Nov 08:00 to Wed 25 Nov 09:00");
        harness.awaitRuns("sla-sweep", 1);   // the scheduler polls on and runs other jobs: the check is not run again
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> "escalations".equals(c.param("channel"))).hasSize(1);
    }
}
