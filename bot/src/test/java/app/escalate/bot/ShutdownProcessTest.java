package app.escalate.bot;

import app.escalate.storage.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SIGTERM, as a deploy stops the bot, while cases are being opened and Slack is slow. */
class ShutdownProcessTest {
    @RegisterExtension
    final ProcessHarness processes = new ProcessHarness();

    @Test
    void sigterm_answers_the_requests_in_flight_drains_the_outbox_for_a_while_and_stops_in_time() throws Exception {
        FakeSlackApi slack = processes.slack;
        BotProcess bot = processes.start("first");
        slack.latency(Duration.ofMillis(100));
        ProcessHarness.Burst burst = processes.burst(bot, 30, "Deploy case");
        await().atMost(Duration.ofSeconds(30)).until(() -> burst.acked() >= 5);
        int deliveredBefore = slack.calls().size();
        Instant signalled = Instant.now();

        int exit = bot.terminate(Duration.ofSeconds(20));

        Duration took = Duration.between(signalled, Instant.now());
        Set<Integer> acknowledged = burst.acknowledged();
        assertThat(took).as("time to stop after SIGTERM").isLessThan(Duration.ofSeconds(10));
        assertThat(exit).as("exit status after SIGTERM (128 + 15)").isIn(0, 143);
        assertThat(bot.output()).doesNotContain("Exception in thread", "Database is already closed");
        // Slack work went on after the signal, for the drain period.
        assertThat(slack.calls().size()).isGreaterThan(deliveredBefore);
        assertThat(slack.calls()).anySatisfy(call -> assertThat(call.at()).isAfter(signalled));

        // Every case that was stored was also answered: no request was cut off after its case was written.
        try (Database db = Database.open(processes.h2Url())) {
            List<Integer> stored = db.jdbi().withHandle(h -> h.createQuery("SELECT case_number FROM cases ORDER BY case_number")
                    .mapTo(Integer.class).list());
            assertThat(stored).containsExactlyElementsOf(acknowledged);
        }

        // What was left is delivered by the next start, once.
        slack.latency(Duration.ZERO);
        BotProcess next = processes.start("second");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(next.get("/healthz").body()).contains("\"outbox_backlog\":0"));
        assertThat(slack.calls("conversations.create")).filteredOn(FakeSlackApi.Call::answeredOk)
                .extracting(c -> c.param("name")).doesNotHaveDuplicates().hasSize(acknowledged.size());
    }
}
