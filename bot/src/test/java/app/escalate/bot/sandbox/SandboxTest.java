package app.escalate.bot.sandbox;

import app.escalate.bot.EscalateApp;
import app.escalate.config.BotSettings;
import app.escalate.config.PolicyLoader;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sandbox over HTTP, as its page uses it: the real bot behind it, with no Slack anywhere. */
class SandboxTest {
    private static final String CHLOE = "U0ESCCHLOE";
    private static final String MARIA = "U0ESCMARIA";

    @TempDir
    Path data;
    private EscalateApp app;
    private final SandboxClock clock = new SandboxClock();
    private final HttpClient http = HttpClient.newHttpClient();
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

    @Test
    void the_page_and_its_assets_are_served_with_no_outside_requests() throws Exception {
        String page = sandbox.get("/").body();
        assertThat(page).contains("<title>Escalate sandbox</title>", "/sandbox/app.js", "/sandbox/app.css").doesNotContain("https://");
        assertThat(sandbox.get("/sandbox/app.js").body()).contains("function mrkdwn").doesNotContain("https://");
        assertThat(sandbox.get("/sandbox/app.css").statusCode()).isEqualTo(200);
        assertThat(sandbox.state(CHLOE, null).getAsJsonArray("people").toString()).contains("\"name\":\"Maria\"", "\"name\":\"Helen\"");
    }

    @Test
    void the_team_channel_opens_with_who_is_who_and_three_things_to_try() throws Exception {
        String team = sandbox.channelNamed(CHLOE, "escalations"::equals);

        String welcome = sandbox.texts(CHLOE, team);

        assertThat(welcome).contains("Welcome to the Escalate sandbox", "`comms`: <@" + CHLOE + ">", "`legal`: <@U0ESCPRIYA>",
                "`oncall-managers`: <@U0ESCHELEN>", "Escalations on-call (primary, follow the sun): <@U0ESCKENJI>, <@U0ESCAMARA>, <@"
                        + MARIA + ">, <@U0ESCLUCAS>", "`/esc oncall`", "`/esc open Deepfake of the CEO on a livestream sev1`");
    }

    @Test
    void a_typed_command_opens_a_case_whose_channel_card_and_buttons_appear() throws Exception {
        String team = sandbox.channelNamed(CHLOE, "escalations"::equals);
        sandbox.post("/sandbox/command", "{\"user\":\"" + CHLOE + "\",\"channel\":\"" + team + "\",\"text\":\"/esc open Scam ads & fake giveaways sev2\"}");

        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.channelNamed(CHLOE, n -> n.startsWith("esc-1-")) != null);
        String caseChannel = sandbox.channelNamed(CHLOE, n -> n.startsWith("esc-1-"));
        assertThat(sandbox.state(CHLOE, team).getAsJsonArray("messages").toString()).contains("Opened *ESC-1* (SEV2)");
        assertThat(sandbox.state(MARIA, team).getAsJsonArray("messages").toString()).as("only the one who typed sees the reply").doesNotContain("Opened");
        // The card is posted, then pinned: two deliveries.
        await().ignoreExceptions().atMost(Duration.ofSeconds(15)).until(() -> sandbox.state(CHLOE, caseChannel).getAsJsonArray("messages").get(0).getAsJsonObject()
                .get("pinned").getAsBoolean());
        JsonArray messages = sandbox.state(CHLOE, caseChannel).getAsJsonArray("messages");
        JsonObject card = messages.get(0).getAsJsonObject();
        assertThat(card.toString()).contains("case_acknowledge");
        assertThat(card.toString()).contains("Scam ads &amp; fake giveaways");

        sandbox.post("/sandbox/action", "{\"user\":\"" + MARIA + "\",\"channel\":\"" + caseChannel + "\",\"ts\":\"" + card.get("ts").getAsString()
                + "\",\"actionId\":\"case_acknowledge\",\"blockId\":\"case_actions:1\",\"value\":\"1\"}");
        await().atMost(Duration.ofSeconds(15)).until(() -> !sandbox.state(CHLOE, caseChannel).getAsJsonArray("messages").get(0).toString()
                .contains("case_acknowledge"));
    }

    @Test
    void people_named_with_at_in_a_typed_command_are_mentions_the_bot_understands() throws Exception {
        String team = sandbox.channelNamed(CHLOE, "escalations"::equals);
        sandbox.post("/sandbox/command", "{\"user\":\"" + CHLOE + "\",\"channel\":\"" + team + "\",\"text\":\"/esc open Voice clone scam sev2\"}");
        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.channelNamed(CHLOE, n -> n.startsWith("esc-1-")) != null);
        String caseChannel = sandbox.channelNamed(CHLOE, n -> n.startsWith("esc-1-"));

        sandbox.post("/sandbox/command", "{\"user\":\"" + MARIA + "\",\"channel\":\"" + caseChannel + "\",\"text\":\"/esc owner @maria\"}");
        sandbox.post("/sandbox/command", "{\"user\":\"" + MARIA + "\",\"channel\":\"" + caseChannel + "\",\"text\":\"/esc task add Call the bank @Chloe\"}");

        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.texts(MARIA, caseChannel).contains("made <@" + MARIA + "> the owner"));
        sandbox.post("/sandbox/command", "{\"user\":\"" + MARIA + "\",\"channel\":\"" + caseChannel + "\",\"text\":\"/esc task list\"}");
        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.texts(MARIA, caseChannel).contains("Call the bank")
                && sandbox.texts(MARIA, caseChannel).contains("<@" + CHLOE + ">"));
    }

    @Test
    void the_open_form_opens_for_its_person_and_its_submission_opens_the_case() throws Exception {
        String team = sandbox.channelNamed(CHLOE, "escalations"::equals);
        sandbox.post("/sandbox/command", "{\"user\":\"" + CHLOE + "\",\"channel\":\"" + team + "\",\"text\":\"/esc open\"}");
        // The command is acknowledged first; the form opens right after.
        await("the form opens for Chloe").atMost(Duration.ofSeconds(5)).until(() -> sandbox.state(CHLOE, team).has("view"));
        JsonObject view = sandbox.state(CHLOE, team).getAsJsonObject("view");
        assertThat(sandbox.state(MARIA, team).has("view")).as("and for nobody else").isFalse();

        JsonObject refused = sandbox.post("/sandbox/submit", "{\"user\":\"" + CHLOE + "\",\"viewId\":\"" + view.get("id").getAsString()
                + "\",\"values\":{\"title\":{\"title\":{\"type\":\"plain_text_input\",\"value\":null}}}}");
        assertThat(refused.toString()).contains("errors");
        JsonObject done = sandbox.post("/sandbox/submit", "{\"user\":\"" + CHLOE + "\",\"viewId\":\"" + view.get("id").getAsString()
                + "\",\"values\":{\"title\":{\"title\":{\"type\":\"plain_text_input\",\"value\":\"Agent emailed customer data\"}},"
                + "\"severity\":{\"severity\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"SEV1\"},\"value\":\"SEV1\"}}}}}");
        assertThat(done.has("errors")).isFalse();
        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.channelNamed(CHLOE, n -> n.startsWith("esc-1-agent-emailed")) != null);
        assertThat(sandbox.state(CHLOE, team).has("view")).isFalse();
    }

    @Test
    void the_clock_moves_forward_on_request_and_never_back() throws Exception {
        Instant before = clock.instant();
        JsonObject moved = sandbox.post("/sandbox/clock", "{\"advance\":\"PT1H\"}");
        assertThat(Instant.parse(moved.get("now").getAsString())).isAfterOrEqualTo(before.plus(Duration.ofHours(1)));
        JsonObject friday = sandbox.post("/sandbox/clock", "{\"next\":\"FRIDAY\",\"time\":\"17:00\",\"zone\":\"America/Los_Angeles\"}");
        assertThat(Instant.parse(friday.get("now").getAsString()).atZone(java.time.ZoneId.of("America/Los_Angeles")).getDayOfWeek())
                .isEqualTo(java.time.DayOfWeek.FRIDAY);
        assertThat(sandbox.post("/sandbox/clock", "{\"jumpTo\":\"2020-01-01T00:00:00Z\"}").get("error").getAsString()).contains("only moves forward");
    }

    @Test
    void messages_are_timed_by_the_sandbox_clock_not_the_wall() throws Exception {
        String team = sandbox.channelNamed(CHLOE, "escalations"::equals);
        sandbox.post("/sandbox/clock", "{\"advance\":\"P2D\"}");

        sandbox.post("/sandbox/command", "{\"user\":\"" + CHLOE + "\",\"channel\":\"" + team + "\",\"text\":\"/esc help\"}");

        JsonArray messages = sandbox.state(CHLOE, team).getAsJsonArray("messages");
        Instant sent = Instant.ofEpochSecond(Long.parseLong(last(messages).get("ts").getAsString().split("\\.")[0]));
        assertThat(Duration.between(sent, clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(Duration.between(Instant.now(), sent)).isGreaterThan(Duration.ofDays(1));
    }

    private JsonObject activity(String user, String channel) throws Exception {
        return sandbox.state(user, null).getAsJsonObject("activity").getAsJsonObject(channel);
    }

    @Test
    void each_channel_says_what_is_unread_and_what_mentions_the_person_since_they_last_read_it() throws Exception {
        String team = sandbox.channelNamed(CHLOE, "escalations"::equals);
        // The welcome names everyone; Maria has read it.
        sandbox.post("/sandbox/read", "{\"user\":\"" + MARIA + "\",\"channel\":\"" + team + "\",\"ts\":\"" + activity(MARIA, team).get("latest").getAsString() + "\"}");
        assertThat(activity(MARIA, team).get("mentions").getAsInt()).isZero();
        sandbox.command(CHLOE, team, "/esc open Scam ads & fake giveaways sev2");
        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.channelNamed(CHLOE, n -> n.startsWith("esc-1-")) != null);
        String caseChannel = sandbox.channelNamed(CHLOE, n -> n.startsWith("esc-1-"));
        // The card names Chloe as the reporter; the AI triage follows it.
        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.state(CHLOE, caseChannel).getAsJsonArray("messages").toString().contains("AI triage"));
        assertThat(activity(CHLOE, caseChannel).get("mentions").getAsInt()).isGreaterThanOrEqualTo(1);
        JsonObject before = activity(CHLOE, caseChannel);
        assertThat(before.get("unread").getAsInt()).isGreaterThanOrEqualTo(before.get("mentions").getAsInt());
        assertThat(before.get("latest").getAsString()).isEqualTo(last(sandbox.state(CHLOE, caseChannel).getAsJsonArray("messages")).get("ts").getAsString());

        sandbox.post("/sandbox/read", "{\"user\":\"" + CHLOE + "\",\"channel\":\"" + caseChannel + "\",\"ts\":\"" + before.get("latest").getAsString() + "\"}");
        assertThat(activity(CHLOE, caseChannel).get("unread").getAsInt()).isZero();
        assertThat(activity(CHLOE, caseChannel).get("mentions").getAsInt()).isZero();
        // Maria reads the case channel too, then Kenji (a responder) makes her the owner, typing @maria as people do in Slack.
        sandbox.post("/sandbox/read", "{\"user\":\"" + MARIA + "\",\"channel\":\"" + caseChannel + "\",\"ts\":\"" + activity(MARIA, caseChannel)
                .get("latest").getAsString() + "\"}");
        sandbox.command("U0ESCKENJI", caseChannel, "/esc owner @maria");

        await().atMost(Duration.ofSeconds(15)).until(() -> activity(MARIA, caseChannel).get("mentions").getAsInt() >= 1);
        assertThat(sandbox.state(MARIA, caseChannel).getAsJsonArray("messages").toString()).contains("made <@" + MARIA + "> the owner");

        // A direct message is a mention: the stats chart goes to the one who asked.
        sandbox.command(CHLOE, team, "/esc stats");
        await().atMost(Duration.ofSeconds(15)).until(() -> activity(CHLOE, "D0ESCCHLOE") != null
                && activity(CHLOE, "D0ESCCHLOE").get("mentions").getAsInt() >= 1);
        assertThat(activity(MARIA, team).get("mentions").getAsInt()).isZero();
        assertThat(sandbox.state(MARIA, "D0ESCCHLOE").has("messages")).as("nobody reads another's direct messages").isFalse();
        assertThat(sandbox.post("/sandbox/read", "{\"user\":\"" + CHLOE + "\",\"channel\":\"" + team + "\",\"ts\":\"yesterday\"}").get("error")
                .getAsString()).contains("ts");
    }

    /** Opens a case from the team channel as Chloe; its channel's id once its card is posted. */
    private String openCase(String title) throws Exception {
        sandbox.command(CHLOE, sandbox.channelNamed(CHLOE, "escalations"::equals), "/esc open " + title);
        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.channelNamed(CHLOE, n -> n.startsWith("esc-1-")) != null);
        String caseChannel = sandbox.channelNamed(CHLOE, n -> n.startsWith("esc-1-"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(15)).until(() -> sandbox.state(CHLOE, caseChannel).getAsJsonArray("messages").size() > 0);
        return caseChannel;
    }

    @Test
    void escalate_this_message_from_a_messages_menu_opens_the_form_prefilled_for_who_chose_it() throws Exception {
        String caseChannel = openCase("Scam ads & fake giveaways sev2");
        JsonObject card = sandbox.state(MARIA, caseChannel).getAsJsonArray("messages").get(0).getAsJsonObject();
        assertThat(sandbox.state(MARIA, caseChannel).getAsJsonArray("shortcuts").toString())
                .isEqualTo("[{\"callbackId\":\"escalate_message\",\"name\":\"Escalate this message\"}]");

        JsonObject sent = sandbox.post("/sandbox/shortcut", "{\"user\":\"" + MARIA + "\",\"channel\":\"" + caseChannel + "\",\"ts\":\""
                + card.get("ts").getAsString() + "\",\"callbackId\":\"escalate_message\"}");

        assertThat(sent.get("status").getAsInt()).isEqualTo(200);
        await("the form opens for Maria").atMost(Duration.ofSeconds(5)).until(() -> sandbox.state(MARIA, caseChannel).has("view"));
        String form = sandbox.state(MARIA, caseChannel).getAsJsonObject("view").toString();
        assertThat(form).contains("\"initial_value\":\"ESC-1 SEV2 triage: Scam ads & fake giveaways\"");
        // Once the bot has asked for the message's link, the form says where it came from.
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.state(MARIA, caseChannel).getAsJsonObject("view").toString()
                .contains("From: https://sandbox.invalid/archives/" + caseChannel + "/p" + card.get("ts").getAsString().replace(".", "")));
        assertThat(sandbox.state(CHLOE, caseChannel).has("view")).isFalse();
    }

    @Test
    void a_message_menu_refuses_what_slack_would_not_offer() throws Exception {
        String team = sandbox.channelNamed(CHLOE, "escalations"::equals);
        String caseChannel = openCase("Scam ads sev2");
        String ephemeral = last(sandbox.state(CHLOE, team).getAsJsonArray("messages")).get("ts").getAsString();
        String card = sandbox.state(CHLOE, caseChannel).getAsJsonArray("messages").get(0).getAsJsonObject().get("ts").getAsString();

        assertThat(sandbox.post("/sandbox/shortcut", "{\"user\":\"" + CHLOE + "\",\"channel\":\"" + team + "\",\"ts\":\"" + ephemeral
                + "\",\"callbackId\":\"escalate_message\"}").get("error").getAsString()).contains("No such message");
        assertThat(sandbox.post("/sandbox/react", "{\"user\":\"" + CHLOE + "\",\"channel\":\"" + team + "\",\"ts\":\"" + ephemeral
                + "\",\"name\":\"pushpin\"}").get("error").getAsString()).contains("No such message");
        assertThat(sandbox.post("/sandbox/shortcut", "{\"user\":\"" + CHLOE + "\",\"channel\":\"" + caseChannel + "\",\"ts\":\"" + card
                + "\",\"callbackId\":\"delete_everything\"}").get("error").getAsString()).contains("no message shortcut");
        assertThat(sandbox.post("/sandbox/react", "{\"user\":\"" + CHLOE + "\",\"channel\":\"" + caseChannel + "\",\"ts\":\"" + card
                + "\",\"name\":\"<b>\"}").get("error").getAsString()).contains("emoji");
        assertThat(sandbox.post("/sandbox/react", "{\"user\":\"" + CHLOE + "\",\"channel\":\"D0ESCMARIA\",\"ts\":\"" + card
                + "\",\"name\":\"eyes\"}").get("error").getAsString()).contains("No such message");
    }

    @Test
    void a_pushpin_from_a_messages_menu_shows_on_the_message_and_puts_it_on_the_case_timeline_once() throws Exception {
        String caseChannel = openCase("Scam ads sev2");
        String card = sandbox.state(CHLOE, caseChannel).getAsJsonArray("messages").get(0).getAsJsonObject().get("ts").getAsString();
        String react = "{\"user\":\"" + MARIA + "\",\"channel\":\"" + caseChannel + "\",\"ts\":\"" + card + "\",\"name\":\"pushpin\"}";

        assertThat(sandbox.post("/sandbox/react", react).get("status").getAsInt()).isEqualTo(200);
        assertThat(sandbox.post("/sandbox/react", react).get("error").getAsString()).isEqualTo("already_reacted");

        assertThat(sandbox.state(CHLOE, caseChannel).getAsJsonObject("reactions").toString()).isEqualTo("{\"" + card + "\":{\"pushpin\":[\"" + MARIA + "\"]}}");
        // The bot reads the message after the ack: ask for the timeline until it is there.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            sandbox.command(MARIA, caseChannel, "/esc timeline");
            assertThat(last(sandbox.state(MARIA, caseChannel).getAsJsonArray("messages")).get("text").getAsString())
                    .contains("<@" + MARIA + "> pinned a message from <@U0BOT>: ESC-1 SEV2 triage: Scam ads");
        });
        assertThat(last(sandbox.state(MARIA, caseChannel).getAsJsonArray("messages")).get("text").getAsString().split("pinned a message", -1)).hasSize(2);
    }

    private static JsonObject last(JsonArray messages) {
        return messages.get(messages.size() - 1).getAsJsonObject();
    }

    @Test
    void a_read_marker_for_a_channel_someone_cannot_see_or_bytes_for_an_upload_never_given_out_are_refused_and_kept_nowhere() throws Exception {
        String team = sandbox.channelNamed(CHLOE, "escalations"::equals);
        String latest = activity(MARIA, team).get("latest").getAsString();

        assertThat(sandbox.post("/sandbox/read", "{\"user\":\"U0NOBODY\",\"channel\":\"" + team + "\",\"ts\":\"" + latest + "\"}").get("error")
                .getAsString()).isEqualTo("No such channel for this person.");
        assertThat(sandbox.post("/sandbox/read", "{\"user\":\"" + MARIA + "\",\"channel\":\"D0ESCKENJI\",\"ts\":\"" + latest + "\"}")
                .has("error")).isTrue();
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/sandbox/upload/F0FILE999"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{1, 2, 3})).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(404);
        assertThat(sandbox.get("/sandbox/files/F0FILE999").statusCode()).isEqualTo(404);
        assertThat(activity(MARIA, team).get("unread").getAsInt()).as("Maria's marker did not move").isPositive();
    }

    @Test
    void another_web_page_can_neither_drive_nor_read_the_sandbox() throws Exception {
        String team = sandbox.channelNamed(CHLOE, "escalations"::equals);
        String open = "{\"user\":\"" + CHLOE + "\",\"channel\":\"" + team + "\",\"text\":\"/esc open Planted by a web page sev1\"}";

        // A page elsewhere posts a "simple" request, which needs no preflight: text/plain, from its own origin.
        assertThat(raw("POST", "/sandbox/command", "127.0.0.1:" + app.port(), "Content-Type: text/plain", open)).startsWith("HTTP/1.1 403");
        assertThat(raw("POST", "/sandbox/command", "127.0.0.1:" + app.port(),
                "Content-Type: application/json\r\nOrigin: http://evil.example", open)).startsWith("HTTP/1.1 403");
        assertThat(raw("POST", "/sandbox/clock", "localhost:" + app.port(),
                "Content-Type: application/json\r\nSec-Fetch-Site: cross-site", "{\"advance\":\"PT24H\"}")).startsWith("HTTP/1.1 403");
        // DNS rebinding: the page's own name now resolves to 127.0.0.1, so its requests are same-origin to the browser.
        assertThat(raw("GET", "/sandbox/state?user=" + CHLOE + "&channel=" + team, "evil.example:" + app.port(), "", ""))
                .startsWith("HTTP/1.1 403");
        assertThat(raw("POST", "/sandbox/command", "evil.example:" + app.port(), "Content-Type: application/json", open)).startsWith("HTTP/1.1 403");
        // The message menu, the same: a page elsewhere can neither pin nor escalate.
        assertThat(raw("POST", "/sandbox/react", "127.0.0.1:" + app.port(), "Content-Type: text/plain",
                "{\"user\":\"" + CHLOE + "\",\"channel\":\"" + team + "\",\"ts\":\"1.1\",\"name\":\"pushpin\"}")).startsWith("HTTP/1.1 403");
        assertThat(raw("POST", "/sandbox/shortcut", "127.0.0.1:" + app.port(), "Content-Type: text/plain",
                "{\"user\":\"" + CHLOE + "\",\"channel\":\"" + team + "\",\"ts\":\"1.1\",\"callbackId\":\"escalate_message\"}"))
                .startsWith("HTTP/1.1 403");
        assertThat(raw("POST", "/sandbox/read", "127.0.0.1:" + app.port(), "Content-Type: text/plain",
                "{\"user\":\"" + CHLOE + "\",\"channel\":\"" + team + "\",\"ts\":\"1.1\"}")).startsWith("HTTP/1.1 403");
        // The workspace's Web API answers only the bot, by its token.
        assertThat(raw("POST", "/sandbox/api/chat.postMessage", "127.0.0.1:" + app.port(), "Content-Type: application/x-www-form-urlencoded",
                "channel=" + team + "&text=hello")).contains("\"error\":\"invalid_auth\"");

        // The page itself still works.
        assertThat(raw("POST", "/sandbox/command", "localhost:" + app.port(),
                "Content-Type: application/json\r\nOrigin: http://localhost:" + app.port() + "\r\nSec-Fetch-Site: same-origin",
                "{\"user\":\"" + CHLOE + "\",\"channel\":\"" + team + "\",\"text\":\"/esc status\"}")).startsWith("HTTP/1.1 200");
        assertThat(sandbox.state(CHLOE, team).toString()).doesNotContain("Planted by a web page", "hello");
    }

    /** One HTTP/1.1 request written by hand, so the Host header can be any name a browser would send; the whole answer. */
    private String raw(String method, String path, String host, String headers, String body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String request = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (headers.isEmpty() ? "" : headers + "\r\n")
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
