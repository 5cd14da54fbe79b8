package app.escalate.bot.sandbox;

import app.escalate.bot.EscalateApp;
import app.escalate.config.BotSettings;
import app.escalate.config.PolicyLoader;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A swap request's Cover button in the sandbox: drawn like any button, pressed through its page's route, redrawn without it. */
class SandboxSwapTest {
    private static final String AMARA = "U0ESCAMARA";
    private static final String KENJI = "U0ESCKENJI";

    @TempDir
    Path data;
    private EscalateApp app;
    /** Tuesday 24 November 2026, 12:00 UTC: Amara holds primary on weekdays 08:00–17:00 London. */
    private final SandboxClock clock = new SandboxClock(Instant.parse("2026-11-24T12:00:00Z"));
    private final SandboxHttp sandbox = new SandboxHttp(() -> app.port());

    @BeforeEach
    void start() throws Exception {
        app = EscalateApp.startSandbox(BotSettings.fromEnv(Map.of("PORT", "0", "DATABASE_URL", "jdbc:h2:file:" + data.resolve("escalate"))),
                PolicyLoader.builtIn(), clock);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Optional<JsonObject> request(String user, String channel) throws Exception {
        for (JsonElement m : sandbox.state(user, channel).getAsJsonArray("messages")) {
            if (m.getAsJsonObject().get("text").getAsString().contains("needs cover for primary")) return Optional.of(m.getAsJsonObject());
        }
        return Optional.empty();
    }

    @Test
    void a_swap_request_s_cover_button_is_pressed_in_the_sandbox_and_the_request_is_redrawn_as_covered() throws Exception {
        String team = sandbox.channelNamed(AMARA, "escalations"::equals);
        sandbox.command(AMARA, team, "/esc swap 2026-11-25 09:00 2026-11-25 12:00");

        await().ignoreExceptions().atMost(Duration.ofSeconds(15)).until(() -> request(KENJI, team).isPresent());
        JsonObject posted = request(KENJI, team).orElseThrow();
        assertThat(posted.toString()).contains("swap_cover");
        sandbox.post("/sandbox/action", "{\"user\":\"" + KENJI + "\",\"channel\":\"" + team + "\",\"ts\":\"" + posted.get("ts").getAsString()
                + "\",\"actionId\":\"swap_cover\",\"blockId\":\"b\",\"value\":\"1\"}");

        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.texts(KENJI, team).contains("is covered by <@" + KENJI + ">"));
        assertThat(sandbox.texts(KENJI, team)).doesNotContain("swap_cover");
    }
}
