package app.escalate.bench;

import com.slack.api.app_backend.SlackSignature;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A slash command exactly as Slack posts it: form-encoded and signed with the signing secret. */
record SignedCommand(String user, String channel, String text, String responseUrl) {
    /** Slack gives every command a trigger id of its own: no two signed requests are the same, and the bot ignores a repeat. */
    private static final java.util.concurrent.atomic.AtomicLong TRIGGERS = new java.util.concurrent.atomic.AtomicLong();

    HttpRequest to(URI events, String signingSecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", "T0BENCH");
        form.put("team_domain", "bench");
        form.put("channel_id", channel);
        form.put("channel_name", "escalations");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", "/esc");
        form.put("text", text);
        form.put("api_app_id", "A0ESC");
        form.put("response_url", responseUrl);
        form.put("trigger_id", TRIGGERS.incrementAndGet() + ".42.bench");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return HttpRequest.newBuilder(events)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", new SlackSignature.Generator(signingSecret).generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
