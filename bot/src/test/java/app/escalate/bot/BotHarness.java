package app.escalate.bot;

import app.escalate.bot.sandbox.SandboxClock;
import app.escalate.config.BotSettings;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For each test, the bot in HTTP mode on a random port, its H2 file database in a fresh folder,
 * talking to a fake Slack. Register with {@code @RegisterExtension}.
 */
final class BotHarness implements BeforeEachCallback, AfterEachCallback {
    static final String SECRET = "test-signing-secret";
    static final String TOKEN = "xoxb-test-token";
    static final String FEED_TOKEN = "feed-token-0123456789";
    /**
     * The bot's clock starts at Tuesday 24 November 2026, 12:00 UTC (London's shift: Amara is primary
     * and secondary in the example policy) and runs at real speed, so retries still come due.
     */
    static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
    /** The sweeps {@link #awaitRuns} can wait for, and how far the clock moves to bring each one's next run due. */
    private static final Map<String, Duration> SWEEPS = Map.of(
            "escalation-sweep", ScheduledJobs.ESCALATION_SWEEP,
            "handoff-sweep", ScheduledJobs.HANDOFF_SWEEP,
            "shift-reminder-sweep", ScheduledJobs.SHIFT_REMINDER_SWEEP,
            "exec-update-sweep", ScheduledJobs.EXEC_UPDATE_SWEEP,
            "sla-sweep", ScheduledJobs.SLA_SWEEP,
            "deadline-sweep", ScheduledJobs.DEADLINE_SWEEP,
            "swap-sweep", ScheduledJobs.SWAP_SWEEP);

    FakeSlackApi slack;
    /** The sandbox's clock: real time, shifted to start at {@link #START}, so retries still come due; {@link #advance} jumps it. */
    private final SandboxClock clock = new SandboxClock(START);
    private final UnaryOperator<String> policyEdit;

    private Map<String, String> extraEnv = Map.of();

    BotHarness() {
        this(UnaryOperator.identity());
    }

    /** With these environment variables as well (such as a model endpoint). */
    BotHarness withEnv(Map<String, String> env) {
        this.extraEnv = Map.copyOf(env);
        return this;
    }

    /** With the example policy changed by {@code policyEdit} (its YAML text in, the policy to use out). */
    BotHarness(UnaryOperator<String> policyEdit) {
        this.policyEdit = policyEdit;
    }
    private Path dataDir;
    private EscalateApp bot;
    private final java.util.List<EscalateApp> replicas = new java.util.ArrayList<>();
    private SignedSlackClient client;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("escalate-test");
        slack = FakeSlackApi.seeded(policy());
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        replicas.forEach(EscalateApp::close);
        bot.close();
        slack.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void start() throws Exception {
        bot = launch();
        client = new SignedSlackClient(bot.port(), SECRET);
    }

    private EscalateApp launch() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "SLACK_BOT_TOKEN", TOKEN,
                "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", slack.apiUrl(),
                "PORT", "0",
                "ONCALL_FEED_TOKEN", FEED_TOKEN,
                "DATABASE_URL", "jdbc:h2:file:" + dataDir.resolve("escalate")));
        env.putAll(extraEnv);
        return EscalateApp.start(BotSettings.fromEnv(env), policy(), clock);
    }

    /** A second bot on the same database and Slack, as another replica would be. */
    void startReplica() throws Exception {
        replicas.add(launch());
    }

    private Policy policy() throws IOException {
        try (var in = PolicyLoader.class.getResourceAsStream(PolicyLoader.BUILT_IN)) {
            Path file = dataDir.resolve("policy.yml");
            Files.writeString(file, policyEdit.apply(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
            return PolicyLoader.load(file);
        }
    }

    /** Stops the bot as SIGTERM would and starts a new one on the same database. */
    void restart() throws Exception {
        bot.close();
        start();
    }

    /** Stops the bot, lets {@code down} pass, and starts a new one on the same database. */
    void restartAfter(Duration down) throws Exception {
        bot.close();
        advance(down);
        start();
    }

    /** Moves the bot's clock forward, as if that much time had passed. */
    void advance(Duration by) {
        clock.advance(by);
    }

    SignedSlackClient client() {
        return client;
    }

    /** {@code /esc <text>} typed by {@code user} in {@code channel}; returns the ack Slack would show. */
    JsonObject esc(String user, String channel, String text) throws Exception {
        HttpResponse<String> res = client.post(SignedSlackClient.slashCommand(user, channel, text, slack.responseUrl("r1")));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return res.body().isEmpty() ? new JsonObject() : JsonParser.parseString(res.body()).getAsJsonObject();
    }

    /** The bot's database, for asserting what was stored. */
    app.escalate.storage.Database database() {
        return app.escalate.storage.Database.open("jdbc:h2:file:" + dataDir.resolve("escalate"));
    }

    /** The port {@code MANAGEMENT_PORT} asked for, as the bot bound it. */
    int managementPort() {
        return bot.managementPort().orElseThrow();
    }

    /**
     * Waits until the outbox is empty: every Slack call and job the bot has queued is done, so
     * nothing more is on its way. How a test shows that something did not happen.
     */
    void settle() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> get("/healthz").body().contains("\"outbox_backlog\":0"));
    }

    /**
     * Waits until the scheduler, on this bot or its replicas, has finished {@code runs} runs of the
     * sweep {@code task} each begun after this call, then until the outbox is empty: whatever those
     * sweeps decided has reached the fake Slack. Before each run the clock moves on by the sweep's
     * period (once no run of it is in progress), so the run comes due, and the scheduler, woken by
     * the move, starts it at once. How a test shows that later sweeps did nothing more.
     */
    void awaitRuns(String task, int runs) throws Exception {
        Duration period = SWEEPS.get(task);
        if (period == null) throw new IllegalArgumentException(task + " is not one of the sweeps " + SWEEPS.keySet());
        for (int run = 0; run < runs; run++) {
            ScheduledRuns before = scheduledRuns(task);
            java.util.concurrent.atomic.AtomicBoolean advanced = new java.util.concurrent.atomic.AtomicBoolean();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                ScheduledRuns now = scheduledRuns(task);
                if (now.finished() > before.started()) return true;
                if (now.idle() && !advanced.getAndSet(true)) advance(period);
                return false;
            });
            assertThat(scheduledRuns(task).failed()).as("runs of %s that threw", task).isEqualTo(before.failed());
        }
        settle();
    }

    /** {@code task}'s runs so far on this bot and its replicas, from their {@code /metrics}. */
    ScheduledRuns scheduledRuns(String task) throws Exception {
        ScheduledRuns all = ScheduledRuns.NONE;
        for (EscalateApp app : running()) {
            all = all.plus(ScheduledRuns.of(task, get(app.managementPort().orElse(app.port()), "/metrics").body()));
        }
        return all;
    }

    private java.util.List<EscalateApp> running() {
        java.util.List<EscalateApp> all = new java.util.ArrayList<>(replicas);
        all.add(bot);
        return all;
    }

    HttpResponse<String> get(String path) throws Exception {
        return get(bot.port(), path);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
