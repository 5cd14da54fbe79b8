package app.escalate.bot;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * For each test, a fake Slack and a folder under {@code target/processes} (kept, so the bots' logs
 * are there to read when a test fails), and the bot processes the test starts, killed at the end.
 * Register with {@code @RegisterExtension}.
 */
final class ProcessHarness implements BeforeEachCallback, AfterEachCallback {
    private static final Pattern OPENED = Pattern.compile("Opened \\*ESC-(\\d+)\\*");

    FakeSlackApi slack;
    private Path dir;
    private final List<BotProcess> bots = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createDirectories(Path.of("target", "processes",
                context.getRequiredTestClass().getSimpleName() + "-" + System.currentTimeMillis())).toAbsolutePath();
        slack = FakeSlackApi.seeded(app.escalate.config.PolicyLoader.builtIn());   // the tests' policies name the same people and channels
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (BotProcess bot : bots) bot.close();
        slack.close();
    }

    Path dir() {
        return dir;
    }

    /** The H2 file database the bots share unless a test gives another {@code DATABASE_URL}. */
    String h2Url() {
        return "jdbc:h2:file:" + dir.resolve("escalate");
    }

    /** Starts a bot process connected to the fake Slack, with {@code env} on top; its output goes to {@code <name>.log}. */
    BotProcess start(String name, Map<String, String> env) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of(
                "SLACK_BOT_TOKEN", BotHarness.TOKEN,
                "SLACK_SIGNING_SECRET", BotHarness.SECRET,
                "SLACK_API_URL", slack.apiUrl(),
                "DATABASE_URL", h2Url()));
        all.putAll(env);
        BotProcess bot = BotProcess.start(all, dir.resolve(name + ".log"));
        bots.add(bot);
        return bot;
    }

    BotProcess start(String name) throws Exception {
        return start(name, Map.of());
    }

    /**
     * Waits until the bots still alive have together finished {@code runs} runs of the scheduled
     * job {@code task} each begun after this call, then until their outbox is empty: whatever those
     * runs decided has reached the fake Slack. The bots run on real time, so each run comes at the
     * job's own period ({@link ScheduledJobs}); {@code atMost} is for each.
     */
    void awaitRuns(String task, int runs, Duration atMost) throws IOException, InterruptedException {
        for (int run = 0; run < runs; run++) {
            ScheduledRuns before = scheduledRuns(task);
            await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> scheduledRuns(task).finished() > before.started());
            assertThat(scheduledRuns(task).failed()).as("runs of %s that threw", task).isEqualTo(before.failed());
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                alive().get(0).get("/healthz").body().contains("\"outbox_backlog\":0"));
    }

    /** {@code task}'s runs so far on the bots still alive, from their {@code /metrics}. */
    ScheduledRuns scheduledRuns(String task) throws IOException, InterruptedException {
        ScheduledRuns all = ScheduledRuns.NONE;
        for (BotProcess bot : alive()) all = all.plus(ScheduledRuns.of(task, bot.get("/metrics").body()));
        return all;
    }

    private List<BotProcess> alive() {
        List<BotProcess> alive = bots.stream().filter(BotProcess::alive).toList();
        if (alive.isEmpty()) throw new IllegalStateException("no bot is running");
        return alive;
    }

    /** Sends {@code count} {@code /esc open}s to {@code bot} at once, titled "{@code title} 1" and so on. */
    Burst burst(BotProcess bot, int count, String title) {
        return new Burst(bot.client(), count, title);
    }

    /** Concurrent opens in flight: how many are acknowledged so far, and in the end which case numbers. */
    final class Burst {
        private final ExecutorService pool;
        private final AtomicInteger acked = new AtomicInteger();
        private final List<Future<Optional<Integer>>> opens = new ArrayList<>();

        private Burst(SignedSlackClient client, int count, String title) {
            pool = Executors.newFixedThreadPool(count);
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 1; i <= count; i++) {
                String text = "open " + title + " " + i;
                String responseUrl = slack.responseUrl("burst-" + i);
                opens.add(pool.submit(() -> {
                    go.await();
                    try {
                        HttpResponse<String> res = client.post(SignedSlackClient.slashCommand("U0ESCMARIA", "C0TEAM", text, responseUrl));
                        if (res.statusCode() != 200) throw new AssertionError(text + " got " + res.statusCode() + ": " + res.body());
                        Matcher opened = OPENED.matcher(res.body());
                        if (!opened.find()) return Optional.empty();
                        acked.incrementAndGet();
                        return Optional.of(Integer.parseInt(opened.group(1)));
                    } catch (IOException cutOff) {
                        return Optional.empty(); // the process died or had stopped taking requests
                    }
                }));
            }
            go.countDown();
        }

        int acked() {
            return acked.get();
        }

        /** Waits for every request to end; the case numbers whose opening was acknowledged. */
        Set<Integer> acknowledged() throws InterruptedException, ExecutionException {
            Set<Integer> numbers = new TreeSet<>();
            for (Future<Optional<Integer>> open : opens) open.get().ifPresent(numbers::add);
            pool.shutdown();
            return numbers;
        }
    }
}
