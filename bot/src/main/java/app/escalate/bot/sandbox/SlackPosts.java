package app.escalate.bot.sandbox;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * What the sandbox sends the bot as Slack would: interaction payloads with the fields every one
 * carries, posted to the bot's own {@code /slack/events}, signed with the signing secret.
 */
final class SlackPosts {
    private final Gson gson = new Gson();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Workspace workspace;
    private final String secret;
    private final int port;

    SlackPosts(Workspace workspace, String secret, int port) {
        this.workspace = workspace;
        this.secret = secret;
        this.port = port;
    }

    /** A payload of {@code type} from {@code user}, with a trigger id that opens a modal for them. */
    JsonObject base(String type, String user) {
        JsonObject payload = new JsonObject();
        payload.addProperty("type", type);
        JsonObject team = new JsonObject();
        team.addProperty("id", "T0SANDBOX");
        team.addProperty("domain", "sandbox");
        payload.add("team", team);
        JsonObject u = new JsonObject();
        u.addProperty("id", user);
        u.addProperty("username", user.toLowerCase());
        u.addProperty("name", user.toLowerCase());
        u.addProperty("team_id", "T0SANDBOX");
        payload.add("user", u);
        payload.addProperty("api_app_id", "A0ESC");
        payload.addProperty("token", "sandbox");
        payload.addProperty("trigger_id", workspace.newTrigger(user));
        return payload;
    }

    static JsonObject text(String value) {
        JsonObject t = new JsonObject();
        t.addProperty("type", "plain_text");
        t.addProperty("text", value);
        return t;
    }

    /** An interaction (a click, a form, a shortcut) as Slack posts it: the JSON in a form field called {@code payload}, signed. */
    HttpResponse<String> payload(JsonObject payload) throws IOException, InterruptedException {
        return signed("payload=" + URLEncoder.encode(gson.toJson(payload), StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    /** Posts to the bot's {@code /slack/events} as Slack does: signed with the signing secret, timestamped now. */
    HttpResponse<String> signed(String body, String contentType) throws IOException, InterruptedException {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = new SlackSignature.Generator(secret).generate(timestamp, body);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
