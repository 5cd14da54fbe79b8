package app.escalate.bot.sandbox;

import app.escalate.bot.EscalateApp;
import app.escalate.config.BotSettings;
import app.escalate.config.PolicyLoader;
import app.escalate.storage.Database;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sandbox's workspace and clock last across restarts of the bot, as the cases in its database do. */
class SandboxRestartTest {
    private static final String CHLOE = "U0ESCCHLOE";
    private static final String MARIA = "U0ESCMARIA";
    private static final Instant TUESDAY = Instant.parse("2026-11-24T17:00:00Z");

    @TempDir
    Path data;
    private EscalateApp app;
    private final SandboxHttp sandbox = new SandboxHttp(() -> app.port());

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private String databaseUrl() {
        return "jdbc:h2:file:" + data.resolve("escalate");
    }

    private EscalateApp start(SandboxClock clock) throws Exception {
        return EscalateApp.startSandbox(BotSettings.fromEnv(Map.of("PORT", "0", "DATABASE_URL", databaseUrl())), PolicyLoader.builtIn(), clock);
    }

    /** Opens a case from the team channel and waits for its pinned card; its channel's id. */
    private String openCase(String title, String channelPrefix) throws Exception {
        String team = sandbox.channelNamed(CHLOE, "escalations"::equals);
        sandbox.command(CHLOE, team, "/esc open " + title + " sev2");
        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.channelNamed(CHLOE, n -> n.startsWith(channelPrefix)) != null);
        String channel = sandbox.channelNamed(CHLOE, n -> n.startsWith(channelPrefix));
        await("the card is posted and pinned").ignoreExceptions().atMost(Duration.ofSeconds(15))
                .until(() -> card(channel).get("pinned").getAsBoolean());
        return channel;
    }

    private JsonObject card(String channel) throws Exception {
        return sandbox.state(CHLOE, channel).getAsJsonArray("messages").get(0).getAsJsonObject();
    }

    @Test
    void after_a_restart_the_workspace_and_its_clock_are_as_they_were_and_a_new_case_gets_new_ids_and_its_card() throws Exception {
        app = start(new SandboxClock(TUESDAY));
        String team = sandbox.channelNamed(CHLOE, "escalations"::equals);
        String first = openCase("Scam ads on the storefront", "esc-1-");
        String cardTs = card(first).get("ts").getAsString();
        sandbox.post("/sandbox/react", "{\"user\":\"" + MARIA + "\",\"channel\":\"" + first + "\",\"ts\":\"" + cardTs + "\",\"name\":\"eyes\"}");
        // Five minutes on: within the ack deadline, before any handoff, so nothing more is posted.
        sandbox.post("/sandbox/clock", "{\"advance\":\"PT5M\"}");
        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.texts(CHLOE, first).contains("AI triage"));
        JsonObject mariaBefore = sandbox.state(MARIA, team);
        sandbox.post("/sandbox/read", "{\"user\":\"" + MARIA + "\",\"channel\":\"" + team + "\",\"ts\":\""
                + mariaBefore.getAsJsonObject("activity").getAsJsonObject(team).get("latest").getAsString() + "\"}");
        await().until(() -> sandbox.state(MARIA, null).getAsJsonObject("activity").getAsJsonObject(team).get("unread").getAsInt() == 0);
        JsonArray channelsBefore = sandbox.state(CHLOE, null).getAsJsonArray("channels");
        JsonArray caseMessagesBefore = sandbox.state(CHLOE, first).getAsJsonArray("messages");
        JsonArray teamMessagesBefore = sandbox.state(CHLOE, team).getAsJsonArray("messages");
        Instant stoppedAt = Instant.parse(sandbox.state(CHLOE, null).get("now").getAsString());
        app.close();

        // Started again as the README's command does: on real time, which the kept clock must overrule.
        SandboxClock fresh = new SandboxClock();
        app = start(fresh);

        assertThat(Duration.between(stoppedAt, fresh.instant())).as("the clock reads on from where it was")
                .isPositive().isLessThan(Duration.ofMinutes(1));
        assertThat(fresh.keptMoves()).as("the move made before the restart: what it jumped over is still not downtime")
                .singleElement().satisfies(m -> assertThat(Duration.between(m.from(), m.to())).isEqualTo(Duration.ofMinutes(5)));
        assertThat(sandbox.state(CHLOE, null).getAsJsonArray("channels")).isEqualTo(channelsBefore);
        assertThat(sandbox.state(CHLOE, first).getAsJsonArray("messages")).as("the card, pinned, and all after it").isEqualTo(caseMessagesBefore);
        assertThat(sandbox.state(CHLOE, team).getAsJsonArray("messages")).as("no second welcome").isEqualTo(teamMessagesBefore);
        assertThat(sandbox.state(CHLOE, first).getAsJsonObject("reactions").toString()).isEqualTo("{\"" + cardTs + "\":{\"eyes\":[\"" + MARIA + "\"]}}");
        assertThat(sandbox.state(MARIA, null).getAsJsonObject("activity").getAsJsonObject(team).get("unread").getAsInt()).isZero();

        String second = openCase("Voice clone of a bank manager", "esc-2-");
        assertThat(second).isNotEqualTo(first);
        assertThat(channelsBefore.toString()).doesNotContain("\"" + second + "\"");
        assertThat(Instant.ofEpochSecond(Long.parseLong(card(second).get("ts").getAsString().split("\\.")[0])))
                .as("the new card is timed by the clock that read on").isAfterOrEqualTo(stoppedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void a_database_whose_cases_name_channels_the_workspace_never_kept_gives_a_new_case_a_channel_of_its_own() throws Exception {
        app = start(new SandboxClock(TUESDAY));
        String first = openCase("Scam ads on the storefront", "esc-1-");
        app.close();
        app = null;
        // As a database from before the workspace was kept: the cases are there, their channels are not.
        try (Database db = Database.open(databaseUrl())) {
            db.jdbi().useHandle(h -> {
                for (String table : new String[]{"sandbox_members", "sandbox_messages", "sandbox_channels", "sandbox_reactions", "sandbox_read_markers"}) {
                    h.execute("DELETE FROM " + table);
                }
            });
        }

        app = start(new SandboxClock(TUESDAY.plus(Duration.ofDays(1))));
        String second = openCase("Voice clone of a bank manager", "esc-2-");

        assertThat(second).isNotEqualTo(first);
        assertThat(card(second).toString()).contains("Voice clone of a bank manager");
    }
}
