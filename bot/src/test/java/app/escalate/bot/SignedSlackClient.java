package app.escalate.bot;

import com.slack.api.app_backend.SlackSignature;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Sends requests to the bot's {@code /slack/events} exactly as Slack does: form-encoded and signed. */
final class SignedSlackClient {
    /** The bot's public port. */
    int port() {
        return port;
    }

    /** Slack gives every command and click a trigger id of its own, so no two signed requests are the same. */
    private static final java.util.concurrent.atomic.AtomicLong TRIGGERS = new java.util.concurrent.atomic.AtomicLong();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI events;
    private final int port;
    private final String signingSecret;

    SignedSlackClient(int port, String signingSecret) {
        this.port = port;
        this.events = URI.create("http://127.0.0.1:" + port + "/slack/events");
        this.signingSecret = signingSecret;
    }

    /** The form body of {@code /esc <text>} typed by {@code user} in {@code channel}. */
    static String slashCommand(String user, String channel, String text, String responseUrl) {
        return slashCommand(user, channel, text, responseUrl, trigger());
    }

    /** The same, with the trigger id given. */
    static String slashCommand(String user, String channel, String text, String responseUrl, String triggerId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", "T0FAKE");
        form.put("team_domain", "fake");
        form.put("channel_id", channel);
        form.put("channel_name", "escalations");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", "/esc");
        form.put("text", text);
        form.put("api_app_id", "A0ESC");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId);
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A {@code block_actions} payload: {@code user} clicked {@code actionJson} on message {@code messageTs} in {@code channel}. */
    static String blockActions(String user, String channel, String messageTs, String responseUrl, String actionJson) {
        return """
                {"type":"block_actions","team":{"id":"T0FAKE","domain":"fake"},
                 "user":{"id":"%s","username":"u","name":"u","team_id":"T0FAKE"},"api_app_id":"A0ESC","token":"t",
                 "container":{"type":"message","message_ts":"%s","channel_id":"%s","is_ephemeral":false},
                 "trigger_id":"%s","channel":{"id":"%s","name":"esc"},
                 "message":{"type":"message","ts":"%s","text":"message"},"response_url":"%s",
                 "actions":[%s]}""".formatted(user, messageTs, channel, trigger(), channel, messageTs, responseUrl, actionJson);
    }

    static String trigger() {
        return TRIGGERS.incrementAndGet() + ".1337." + Long.toHexString(System.nanoTime());
    }

    /** An interactivity payload (shortcut, button, form submission) as Slack posts it: {@code payload=<json>}. */
    HttpResponse<String> postPayload(String json) throws IOException, InterruptedException {
        return post("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post(body, signingSecret, Instant.now());
    }

    /** An Events API delivery (JSON), signed. */
    HttpResponse<String> postJson(String json) throws IOException, InterruptedException {
        return post(json, signingSecret, Instant.now(), "application/json");
    }

    HttpResponse<String> post(String body, String secret, Instant at) throws IOException, InterruptedException {
        return post(body, secret, at, "application/x-www-form-urlencoded");
    }

    private HttpResponse<String> post(String body, String secret, Instant at, String contentType)
            throws IOException, InterruptedException {
        String timestamp = Long.toString(at.getEpochSecond());
        String signature = new SlackSignature.Generator(secret).generate(timestamp, body);
        return send(HttpRequest.newBuilder(events)
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postUnsigned(String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(events)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
