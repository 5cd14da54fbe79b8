package app.escalate.bot;

import app.escalate.config.BotSettings;
import app.escalate.config.PolicyLoader;
import app.escalate.storage.FullDisk;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The database going away mid-shift: clear answers, nothing half-done, and recovery when it is back. */
class DatabaseOutageEndToEndTest {
    private static final String SECRET = "test-signing-secret";

    @TempDir
    Path pgData;

    private static EmbeddedPostgres postgres(Path dir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void commands_say_try_again_while_the_database_is_down_and_work_once_it_is_back() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        EmbeddedPostgres pg = postgres(pgData, port);
        try (FakeSlackApi slack = FakeSlackApi.seeded(PolicyLoader.builtIn())) {
            EscalateApp bot = EscalateApp.start(BotSettings.fromEnv(Map.of(
                    "SLACK_BOT_TOKEN", "xoxb-test-token", "SLACK_SIGNING_SECRET", SECRET,
                    "SLACK_API_URL", slack.apiUrl(), "PORT", "0",
                    "DATABASE_URL", pg.getJdbcUrl("postgres", "postgres"))), PolicyLoader.builtIn(), Clock.systemUTC());
            try {
                SignedSlackClient client = new SignedSlackClient(bot.port(), SECRET);
                String open = SignedSlackClient.slashCommand("U0ESCMARIA", "C0TEAM", "open Outage during outage sev1",
                        slack.responseUrl("r"));

                pg.close();
                Instant before = Instant.now();
                HttpResponse<String> during = client.post(open);

                assertThat(during.statusCode()).isEqualTo(200);
                assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(3));
                assertThat(text(during)).contains("can't reach its database", "nothing was changed", "Try again");
                assertThat(health(bot)).isEqualTo(503);

                pg = postgres(pgData, port);
                // The pool reconnects on its own; a responder retrying (each try a new request, as Slack sends it) gets through
                // within seconds. The scheduler's poller failing to reach the database meanwhile is the fault injected, not a
                // failure of this test (Awaitility would otherwise fail on any thread's uncaught exception).
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).dontCatchUncaughtExceptions()
                        .until(() -> text(client.post(SignedSlackClient.slashCommand("U0ESCMARIA", "C0TEAM", "open Outage during outage sev1",
                                slack.responseUrl("r")))).contains("Opened *ESC-"));

                assertThat(text(client.post(SignedSlackClient.slashCommand("U0ESCMARIA", "C0TEAM", "status", slack.responseUrl("r")))))
                        .contains("Open cases* (1)", "ESC-1 ");
                assertThat(slack.await("pins.add").param("channel")).startsWith("C0CH");
                assertThat(slack.calls("conversations.create")).hasSize(1);
                assertThat(health(bot)).isEqualTo(200);
            } finally {
                bot.close();
            }
        } finally {
            pg.close();
        }
    }

    @Test
    void an_h2_disk_that_fills_up_then_has_room_again_takes_commands_again_without_a_restart(@TempDir Path dir) throws Exception {
        try (FakeSlackApi slack = FakeSlackApi.seeded(PolicyLoader.builtIn()); EscalateApp bot = EscalateApp.start(BotSettings.fromEnv(Map.of(
                "SLACK_BOT_TOKEN", "xoxb-test-token", "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", slack.apiUrl(), "PORT", "0",
                "DATABASE_URL", FullDisk.url(dir.resolve("escalate")))), PolicyLoader.builtIn(), Clock.systemUTC())) {
            SignedSlackClient client = new SignedSlackClient(bot.port(), SECRET);
            assertThat(text(client.post(SignedSlackClient.slashCommand("U0ESCMARIA", "C0TEAM", "open Before the disk filled sev2",
                    slack.responseUrl("r"))))).contains("Opened *ESC-1*");
            slack.await("pins.add");

            FullDisk.fill();
            try {
                String during = text(client.post(SignedSlackClient.slashCommand("U0ESCMARIA", "C0TEAM", "open While the disk is full sev2",
                        slack.responseUrl("r"))));
                assertThat(during).doesNotContain("Opened");
            } finally {
                FullDisk.makeRoom();
            }

            // The next command after the room came back goes through: no restart, and the health check agrees.
            assertThat(text(client.post(SignedSlackClient.slashCommand("U0ESCMARIA", "C0TEAM", "open Once there is room sev2",
                    slack.responseUrl("r"))))).contains("Opened *ESC-");
            assertThat(health(bot)).isEqualTo(200);
            assertThat(text(client.post(SignedSlackClient.slashCommand("U0ESCMARIA", "C0TEAM", "status", slack.responseUrl("r")))))
                    .contains("Before the disk filled", "Once there is room");
        }
    }

    private static String text(HttpResponse<String> res) {
        return com.google.gson.JsonParser.parseString(res.body()).getAsJsonObject().get("text").getAsString();
    }

    private static int health(EscalateApp bot) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/healthz")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
