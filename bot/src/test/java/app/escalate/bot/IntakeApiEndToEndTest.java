package app.escalate.bot;

import app.escalate.bot.intake.IntakeSignature;
import app.escalate.storage.Database;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Machines raise cases through {@code POST /api/cases}, signed with their source's secret. */
class IntakeApiEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SECRET = "classifier-secret-0123456789";
    private static final String TINY_SECRET = "tiny-secret-0123456789";
    /** The example policy's source, and two more: one allowed two requests a minute, one whose secret is not set. */
    private static final String MORE_SOURCES = """
                - id: tiny
                  secret_env: INTAKE_TINY_SECRET
                  allowed_types: [deepfake]
                  max_per_minute: 2
                - id: unset
                  secret_env: INTAKE_UNSET_SECRET
                  allowed_types: [deepfake]
                  max_per_minute: 5
            """;

    /** The example source's callback receiver: down (503) for its first three requests, then up. */
    private final Receiver receiver = new Receiver(3);

    @RegisterExtension
    final BotHarness harness = new BotHarness(policy -> policy.replace("max_per_minute: 60",
            "max_per_minute: 60\n      callback_url: " + receiver.url()) + MORE_SOURCES)
            .withEnv(Map.of("INTAKE_TRUST_CLASSIFIER_SECRET", SECRET, "INTAKE_TINY_SECRET", TINY_SECRET));

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private IntakeClient machine() {
        return new IntakeClient(harness.client().port());
    }

    private static String report(String source, String key) {
        return """
                {"source":"%s","dedup_key":"%s","type":"deepfake","severity":"SEV2",
                 "title":"Face swap deepfake of a public figure spreading on shorts",
                 "description":"Classifier score 0.97 on 40 uploads in an hour","surface":"shorts",
                 "fields":{"depicted":"Public figure","media_url":"https://cdn.example/clip/1"},
                 "link":"https://classifier.example/runs/77"}""".formatted(source, key);
    }

    @Test
    void a_source_opens_a_case_that_is_made_paged_and_triaged_like_a_typed_one() throws Exception {
        HttpResponse<String> res = machine().post(report("trust-classifier", "cluster-77"), SECRET);

        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        JsonObject body = JsonParser.parseString(res.body()).getAsJsonObject();
        assertThat(body.get("case").getAsString()).isEqualTo("ESC-1");
        assertThat(body.get("url").getAsString()).contains("esc-1-");
        FakeSlackApi.Call created = harness.slack.await("conversations.create");
        String channel = harness.slack.await("pins.add").param("channel");
        assertThat(created.param("name")).startsWith("esc-1-face-swap");
        FakeSlackApi.Call card = harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel"))
                && c.json("blocks") != null && c.json("blocks").contains("trust-classifier"), WAIT);
        assertThat(card.json("blocks")).contains("*trust-classifier* (machine), reported once");
        harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel"))
                && c.json("blocks") != null && c.json("blocks").contains("AI triage"), WAIT);
        harness.settle();
        // The source is nobody in Slack: never invited, told or messaged; the on-call is paged and invited.
        assertThat(harness.slack.calls()).noneMatch(c -> c.params().values().stream().anyMatch(v -> v.contains("U0INTAKE0")));
        assertThat(harness.slack.calls("conversations.invite")).isNotEmpty();
        try (Database db = harness.database()) {
            List<String> depicted = db.jdbi().withHandle(h -> h.createQuery("SELECT field_value FROM case_fields WHERE field_id = 'depicted'")
                    .mapTo(String.class).list());
            assertThat(depicted).containsExactly("Public figure");
        }
    }

    @Test
    void the_same_key_again_counts_on_the_open_case_and_after_it_is_resolved_opens_a_new_one() throws Exception {
        assertThat(machine().post(report("trust-classifier", "cluster-9"), SECRET).statusCode()).isEqualTo(201);
        String channel = harness.slack.await("pins.add").param("channel");

        HttpResponse<String> again = machine().post(report("trust-classifier", "cluster-9"), SECRET);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JsonParser.parseString(again.body()).getAsJsonObject().get("case").getAsString()).isEqualTo("ESC-1");
        harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").contains("Reported again by *trust-classifier*"), WAIT);
        harness.slack.await("chat.update", c -> c.json("blocks") != null && c.json("blocks").contains("reported 2 times"), WAIT);
        assertThat(count("SELECT COUNT(*) FROM cases")).isEqualTo(1);

        harness.esc("U0ESCAMARA", channel, "resolve False positive: a licensed parody cause:unknown");
        assertThat(count("SELECT COUNT(*) FROM cases WHERE state = 'RESOLVED'")).isEqualTo(1);
        HttpResponse<String> afterResolve = machine().post(report("trust-classifier", "cluster-9"), SECRET);

        assertThat(afterResolve.statusCode()).as(afterResolve.body()).isEqualTo(201);
        assertThat(JsonParser.parseString(afterResolve.body()).getAsJsonObject().get("case").getAsString()).isEqualTo("ESC-2");
    }

    @Test
    void twenty_concurrent_identical_reports_open_exactly_one_case() throws Exception {
        String json = report("trust-classifier", "burst-1");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < 20; i++) posts.add(() -> machine().post(json, SECRET));
            answers.addAll(pool.invokeAll(posts));
        } finally {
            pool.shutdown();
        }

        List<Integer> codes = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> res = answer.get();
            codes.add(res.statusCode());
            assertThat(JsonParser.parseString(res.body()).getAsJsonObject().get("case").getAsString()).as(res.body()).isEqualTo("ESC-1");
        }
        assertThat(codes).containsOnly(200, 201).filteredOn(c -> c == 201).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM cases")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM case_events WHERE kind = 'REPORTED_AGAIN'")).isEqualTo(19);
        harness.slack.await("chat.update", c -> c.json("blocks") != null && c.json("blocks").contains("reported 20 times"), WAIT);
    }

    @Test
    void each_refusal_has_its_code_and_stores_nothing() throws Exception {
        IntakeClient machine = machine();
        String good = report("trust-classifier", "k-1");

        HttpResponse<String> badSignature = machine.post(good, "not-the-secret");
        HttpResponse<String> stale = machine.post(good, SECRET, Instant.now().minus(Duration.ofMinutes(6)));
        HttpResponse<String> unknown = machine.post(report("someone-else", "k-1"), SECRET);
        HttpResponse<String> wrongType = machine.post(good.replace("\"type\":\"deepfake\"", "\"type\":\"civic-event\""), SECRET);
        HttpResponse<String> noTitle = machine.post(good.replace("\"title\":", "\"headline\":"), SECRET);
        HttpResponse<String> longTitle = machine.post(good.replace("Face swap", "x".repeat(200)), SECRET);
        HttpResponse<String> badSeverity = machine.post(good.replace("SEV2", "SEV9"), SECRET);
        HttpResponse<String> strangeField = machine.post(good.replace("\"depicted\"", "\"colour\""), SECRET);
        HttpResponse<String> badValue = machine.post(good.replace("https://cdn.example/clip/1", "not a link"), SECRET);
        HttpResponse<String> noSecret = machine.post(report("unset", "k-1"), "anything");

        assertThat(badSignature.statusCode()).isEqualTo(401);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(wrongType.statusCode()).isEqualTo(403);
        assertThat(wrongType.body()).contains("civic-event");
        assertThat(List.of(noTitle, longTitle, badSeverity, strangeField, badValue)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(400));
        assertThat(field(noTitle)).isEqualTo("headline");   // an unknown key is named before the missing title
        assertThat(field(longTitle)).isEqualTo("title");
        assertThat(field(badSeverity)).isEqualTo("severity");
        assertThat(field(strangeField)).isEqualTo("fields.colour");
        assertThat(field(badValue)).isEqualTo("fields.media_url");
        assertThat(noSecret.statusCode()).isEqualTo(503);
        assertThat(field(machine.post(good.replace("\"title\":\"Face swap deepfake of a public figure spreading on shorts\",", ""), SECRET)))
                .isEqualTo("title");

        assertThat(machine.post(report("tiny", "t-1"), TINY_SECRET).statusCode()).isEqualTo(201);
        assertThat(machine.post(report("tiny", "t-2"), TINY_SECRET).statusCode()).isEqualTo(201);
        HttpResponse<String> overRate = machine.post(report("tiny", "t-3"), TINY_SECRET);

        assertThat(overRate.statusCode()).isEqualTo(429);
        int retryAfter = Integer.parseInt(overRate.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1, 61);
        // Only the two tiny reports within the rate were stored: every refusal before and after left nothing.
        assertThat(count("SELECT COUNT(*) FROM cases")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM intake_keys WHERE source = 'trust-classifier' OR dedup_key = 't-3'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM case_events WHERE kind = 'REPORTED_AGAIN'")).isZero();

        // The next minute, the source is heard again.
        harness.advance(Duration.ofSeconds(retryAfter));
        assertThat(machine.post(report("tiny", "t-3"), TINY_SECRET).statusCode()).isEqualTo(201);
    }

    @Test
    void the_source_hears_each_change_once_signed_after_its_callback_was_down() throws Exception {
        assertThat(machine().post(report("trust-classifier", "cluster-5"), SECRET).statusCode()).isEqualTo(201);
        String channel = harness.slack.await("pins.add").param("channel");

        harness.esc("U0ESCAMARA", channel, "ack");
        harness.esc("U0ESCAMARA", channel, "state mitigated");
        harness.esc("U0ESCAMARA", channel, "resolve Removed on every surface cause:adversarial-abuse");

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> receiver.taken().size() >= 3);
        harness.settle();
        List<Receiver.Request> taken = receiver.taken();
        assertThat(taken).extracting(r -> JsonParser.parseString(r.body()).getAsJsonObject().get("change").getAsString())
                .containsExactly("acknowledged", "mitigated", "resolved");
        JsonObject resolved = JsonParser.parseString(taken.get(2).body()).getAsJsonObject();
        assertThat(resolved.get("case").getAsString()).isEqualTo("ESC-1");
        assertThat(resolved.get("dedup_key").getAsString()).isEqualTo("cluster-5");
        assertThat(resolved.get("resolution").getAsString()).isEqualTo("Removed on every surface");
        assertThat(taken).allSatisfy(r -> assertThat(new IntakeSignature(SECRET).holds(r.timestamp(), r.body(), r.signature(), Instant.now()))
                .as("signature of %s", r.body()).isTrue());
        assertThat(receiver.refused()).isEqualTo(3);
    }

    /** A source's callback endpoint: answers 503 to its first {@code down} requests, then 200, and keeps what it took. */
    static final class Receiver implements AutoCloseable {
        record Request(String timestamp, String signature, String body) {
        }

        private final HttpServer server;
        private final AtomicInteger refused = new AtomicInteger();
        private final List<Request> taken = new CopyOnWriteArrayList<>();

        Receiver(int down) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/cb", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = refused.get() < down ? 503 : 200;
                if (status == 503) refused.incrementAndGet();
                else taken.add(new Request(exchange.getRequestHeaders().getFirst(IntakeSignature.TIMESTAMP),
                        exchange.getRequestHeaders().getFirst(IntakeSignature.SIGNATURE), body));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/cb";
        }

        List<Request> taken() {
            return List.copyOf(taken);
        }

        int refused() {
            return refused.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static String field(HttpResponse<String> res) {
        return JsonParser.parseString(res.body()).getAsJsonObject().get("field").getAsString();
    }

    private long count(String sql) {
        try (Database db = harness.database()) {
            return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        }
    }
}
