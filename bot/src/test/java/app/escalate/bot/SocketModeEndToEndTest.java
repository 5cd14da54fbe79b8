package app.escalate.bot;

import app.escalate.config.BotSettings;
import app.escalate.config.PolicyLoader;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With SLACK_APP_TOKEN the bot takes commands over Socket Mode, and keeps trying until Slack lets it connect. */
class SocketModeEndToEndTest {
    @TempDir
    Path dataDir;

    @Test
    void an_esc_open_over_socket_mode_is_acked_on_the_socket_and_delivered_through_the_outbox() throws Exception {
        try (FakeSlackApi slack = FakeSlackApi.seeded(PolicyLoader.builtIn()); FakeSocketMode socket = new FakeSocketMode()) {
            slack.socketModeUrl(socket.url());
            slack.failNext("apps.connections.open", 1, 503, Map.of(), "down for a moment");
            try (EscalateApp bot = EscalateApp.start(BotSettings.fromEnv(Map.of(
                    "SLACK_BOT_TOKEN", "xoxb-test-token", "SLACK_APP_TOKEN", "xapp-test-token",
                    "SLACK_API_URL", slack.apiUrl(), "PORT", "0",
                    "DATABASE_URL", "jdbc:h2:file:" + dataDir.resolve("escalate"))), PolicyLoader.builtIn(), Clock.systemUTC())) {

                socket.awaitConnected(Duration.ofSeconds(15));
                assertThat(slack.calls("apps.connections.open")).extracting(FakeSlackApi.Call::authorization)
                        .containsOnly("Bearer xapp-test-token").hasSizeGreaterThanOrEqualTo(2);

                JsonObject command = new JsonObject();
                command.addProperty("token", "legacy");
                command.addProperty("team_id", "T0FAKE");
                command.addProperty("channel_id", "C0TEAM");
                command.addProperty("user_id", "U0ESCMARIA");
                command.addProperty("command", "/esc");
                command.addProperty("text", "open Agent emails customers' data to a stranger sev1");
                command.addProperty("api_app_id", "A0ESC");
                command.addProperty("response_url", slack.responseUrl("sock"));
                command.addProperty("trigger_id", "1.2.3");
                String envelope = socket.push("slash_commands", command);

                JsonObject ack = socket.awaitAck(envelope, Duration.ofSeconds(5));
                assertThat(ack.get("payload").getAsJsonObject().get("text").getAsString()).contains("Opened *ESC-1* (SEV1)");
                assertThat(slack.await("pins.add").param("channel")).startsWith("C0CH");
                assertThat(slack.calls("conversations.create").get(0).param("name"))
                        .isEqualTo("esc-1-agent-emails-customers-data-to-a-stranger");

                // Without a signing secret there is nothing to check HTTP requests against, so that door is shut.
                SignedSlackClient http = new SignedSlackClient(bot.port(), "---");
                assertThat(http.post(SignedSlackClient.slashCommand("U0ESCMARIA", "C0TEAM", "open Sneaky", slack.responseUrl("x")))
                        .statusCode()).isEqualTo(404);
            }
        }
    }
}
