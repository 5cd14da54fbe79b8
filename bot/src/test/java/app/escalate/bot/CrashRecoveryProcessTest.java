package app.escalate.bot;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bot process is killed with SIGKILL in the middle of a burst of 50 concurrent {@code /esc open}s,
 * just after Slack did one of its calls but before the answer got back, and is started again on
 * the same H2 file database.
 */
class CrashRecoveryProcessTest {
    private static final Pattern CASE_CHANNEL = Pattern.compile("esc-(\\d+)-burst-case-\\d+(-\\d+)?");
    private static final Pattern CARD = Pattern.compile("ESC-(\\d+) · SEV");

    @RegisterExtension
    final ProcessHarness processes = new ProcessHarness();

    /** Which Slack call is done but never answered when the process is killed. */
    enum CutOff {
        CHANNEL(c -> c.method().equals("conversations.create") && c.param("name").startsWith("esc-12-")),
        CARD(c -> c.method().equals("chat.postMessage") && c.json("blocks") != null && c.json("blocks").contains("ESC-12 ·"));

        final Predicate<FakeSlackApi.Call> call;

        CutOff(Predicate<FakeSlackApi.Call> call) {
            this.call = call;
        }
    }

    @BeforeEach
    void slackTakesTime() {
        processes.slack.latency(Duration.ofMillis(30));
    }

    @ParameterizedTest
    @EnumSource(CutOff.class)
    void a_kill_9_during_a_burst_of_opens_loses_no_acknowledged_case_and_repeats_no_channel_or_card(CutOff cutOff) throws Exception {
        FakeSlackApi slack = processes.slack;
        slack.stallAfterDoing(cutOff.call);
        BotProcess first = processes.start("first");
        ProcessHarness.Burst burst = processes.burst(first, 50, "Burst case");

        // Kill it once Slack has done ESC-12's call but before the answer is back, with opens still being acknowledged.
        assertThat(slack.awaitStall(Duration.ofSeconds(60))).as("ESC-12's %s was made", cutOff).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> burst.acked() >= 20);
        first.kill();
        Instant killedAt = Instant.now();
        Set<Integer> acknowledged = burst.acknowledged();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(20);

        BotProcess second = processes.start("second");
        // The effect the dead process held is taken over once its lease runs out.
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(second.get("/healthz").body()).contains("\"outbox_backlog\":0"));

        for (int n : acknowledged) {
            HttpResponse<String> status = second.client().post(SignedSlackClient.slashCommand("U0ESCMARIA", "C0TEAM", "status ESC-" + n,
                    slack.responseUrl("status")));
            assertThat(status.body()).as("ESC-%d after the restart", n).contains("ESC-" + n, "Burst case");
        }
        List<FakeSlackApi.Call> done = slack.calls().stream().filter(FakeSlackApi.Call::answeredOk).toList();
        Map<Integer, Long> channels = done.stream().filter(c -> c.method().equals("conversations.create"))
                .map(c -> CASE_CHANNEL.matcher(c.param("name"))).filter(Matcher::matches)
                .collect(Collectors.groupingBy(m -> Integer.parseInt(m.group(1)), Collectors.counting()));
        assertThat(channels.keySet()).containsAll(acknowledged).contains(12);
        assertThat(channels).allSatisfy((n, created) -> assertThat(created).as("channels made for ESC-%d", n).isEqualTo(1L));
        Map<Integer, Long> cards = done.stream().filter(c -> c.method().equals("chat.postMessage") && c.json("blocks") != null)
                .map(c -> CARD.matcher(c.json("blocks"))).filter(Matcher::find)
                .collect(Collectors.groupingBy(m -> Integer.parseInt(m.group(1)), Collectors.counting()));
        assertThat(cards.keySet()).isEqualTo(channels.keySet());
        assertThat(cards).allSatisfy((n, posted) -> assertThat(posted).as("cards posted for ESC-%d (killed at %s); calls: %s", n, killedAt,
                done.stream().filter(c -> String.valueOf(c.json("blocks")).contains("ESC-" + n + " ·"))
                        .map(c -> c.at() + " " + c.method() + " " + c.param("channel")).toList()).isEqualTo(1L));
        Map<String, Long> pins = done.stream().filter(c -> c.method().equals("pins.add")).map(c -> c.param("channel"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(pins).hasSize(channels.size()).allSatisfy((channel, pinned) -> assertThat(pinned).isEqualTo(1L));
        Map<String, Long> messages = done.stream().filter(c -> c.method().equals("chat.postMessage"))
                .map(c -> c.param("channel") + "|" + c.param("text"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(messages).allSatisfy((message, posted) -> assertThat(posted).as(message).isEqualTo(1L));
    }
}
