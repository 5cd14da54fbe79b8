package app.escalate.bot;

import app.escalate.config.PolicyLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two bot processes on one PostgreSQL, as two replicas behind a load balancer: case numbers and
 * channels stay unique, each scheduled job's work is done once, and when one replica is killed
 * the other does all of it.
 */
class ReplicasProcessTest {
    private static final Pattern OPENED = Pattern.compile("Opened \\*ESC-(\\d+)\\*");

    @RegisterExtension
    final ProcessHarness processes = new ProcessHarness();
    private FakeSlackApi slack;
    private EmbeddedPostgres postgres;

    @BeforeEach
    void start() throws IOException {
        slack = processes.slack;
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterEach
    void stop() throws IOException {
        postgres.close();
    }

    /** The example policy, with a SEV4 ack clock of a minute warned at half-time, so SLA jobs fire within the test. */
    private Path policy() throws IOException {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(PolicyLoader.BUILT_IN)) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String fast = yaml.replaceFirst("(  SEV4:\\n    label: [^\\n]*\\n)    ack: 4h\\n", "$1    ack: 1m\n    warn_at: [0.5]\n");
            assertThat(fast).isNotEqualTo(yaml);
            Path file = processes.dir().resolve("policy.yml");
            Files.writeString(file, fast);
            return file;
        }
    }

    private BotProcess replica(String name, Path policy) throws Exception {
        return processes.start(name, Map.of("ESCALATE_CONFIG", policy.toString(), "DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres")));
    }

    private static int open(BotProcess bot, String text) throws Exception {
        HttpResponse<String> res = bot.client().post(SignedSlackClient.slashCommand("U0ESCMARIA", "C0TEAM", "open " + text, "http://127.0.0.1:1/r"));
        Matcher opened = OPENED.matcher(res.body());
        assertThat(opened.find()).as("%s: %s", text, res.body()).isTrue();
        return Integer.parseInt(opened.group(1));
    }

    @Test
    void two_replicas_share_the_work_once_and_one_carries_on_when_the_other_is_killed() throws Exception {
        Path policy = policy();
        BotProcess a = replica("a", policy);
        BotProcess b = replica("b", policy);

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> opens = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            BotProcess to = i % 2 == 0 ? a : b;
            String title = "Replica case " + i + (i == 1 ? " sev4" : "");
            opens.add(pool.submit(() -> open(to, title)));
        }
        List<Integer> numbers = new ArrayList<>();
        for (Future<Integer> f : opens) numbers.add(f.get());
        pool.shutdown();
        assertThat(numbers).doesNotHaveDuplicates().hasSize(40).allMatch(n -> n >= 1 && n <= 40);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(a.get("/healthz").body()).contains("\"outbox_backlog\":0"));
        assertThat(okNames("conversations.create")).hasSize(40).doesNotHaveDuplicates();
        assertThat(slack.calls("pins.add")).filteredOn(FakeSlackApi.Call::answeredOk).extracting(c -> c.param("channel"))
                .hasSize(40).doesNotHaveDuplicates();

        // The SEV4's ack clock: a warning at 30 s and a breach at 60 s, each raised by one replica only.
        await().atMost(Duration.ofSeconds(120)).until(() -> count(":red_circle: The *ack* SLA is breached") >= 1);
        processes.awaitRuns("sla-sweep", 1, Duration.ofSeconds(60));   // a later sweep, on whichever replica takes it
        // Its own words: a shift reminder DM (an hour before a handoff, by the wall clock these processes run on) starts alike.
        assertThat(count(":hourglass_flowing_sand: 50% of the *ack* SLA has run")).as("SLA warnings").isEqualTo(1);
        assertThat(count(":red_circle: The *ack* SLA is breached")).as("SLA breaches").isEqualTo(1);

        // One replica dies; the other takes every command, delivers everything, and runs the jobs.
        a.kill();
        int late = open(b, "After the crash sev4");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(b.get("/healthz").body()).contains("\"outbox_backlog\":0"));
        assertThat(okNames("conversations.create")).contains("esc-" + late + "-after-the-crash").doesNotHaveDuplicates();
        await().atMost(Duration.ofMinutes(3)).until(() -> count(":red_circle: The *ack* SLA is breached") >= 2);
        assertThat(count(":hourglass_flowing_sand: 50% of the *ack* SLA has run")).as("SLA warnings").isEqualTo(2);
        Map<String, Long> posts = slack.calls("chat.postMessage").stream().filter(FakeSlackApi.Call::answeredOk)
                .map(c -> c.param("channel") + "|" + c.param("text")).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(posts).allSatisfy((post, times) -> assertThat(times).as(post).isEqualTo(1L));
    }

    private List<String> okNames(String method) {
        return slack.calls(method).stream().filter(FakeSlackApi.Call::answeredOk).map(c -> c.param("name")).toList();
    }

    private long count(String prefix) {
        return slack.calls("chat.postMessage").stream().filter(c -> c.answeredOk() && c.param("text") != null && c.param("text").startsWith(prefix)).count();
    }
}
