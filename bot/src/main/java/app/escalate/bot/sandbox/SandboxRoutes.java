package app.escalate.bot.sandbox;

import app.escalate.config.Policy;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's HTTP side: the page and its assets, the workspace's Web API and response URLs
 * (which the bot calls), and what the page asks for (state, a command, a click, a message's menu,
 * what the person has read, the clock; forms are {@link SandboxForms}'s). Commands, clicks,
 * shortcuts and reactions become the payloads Slack sends, signed, posted to the bot's own
 * {@code /slack/events} ({@link SlackPosts}).
 */
final class SandboxRoutes {
    private static final Map<String, String> ASSETS = Map.of("/", "index.html", "/sandbox/app.js", "app.js", "/sandbox/app.css", "app.css");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final Workspace workspace;
    private final SandboxClock clock;
    private final int port;
    private final Policy policy;
    private final Gson gson = new Gson();
    private final SlackPosts posts;
    private final SandboxForms forms;
    /** Response URLs given out: which person and channel each answers to. */
    private final Map<String, String[]> responseUrls = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** Response URLs are not guessable: only the bot, which was given one, posts to it. */
    private final java.security.SecureRandom random = new java.security.SecureRandom();
    private final List<MessageMenu.Shortcut> shortcuts = MessageMenu.shortcuts();

    SandboxRoutes(Workspace workspace, SandboxClock clock, String secret, int port, Policy policy) {
        this.workspace = workspace;
        this.clock = clock;
        this.port = port;
        this.policy = policy;
        this.posts = new SlackPosts(workspace, secret, port);
        this.forms = new SandboxForms(workspace, clock, posts);
    }

    void register(JavalinConfig config) {
        ASSETS.forEach((path, file) -> config.routes.get(path, ctx -> asset(ctx, file)));
        // Every Web API answer names the token's scopes in X-OAuth-Scopes, as Slack's do.
        config.routes.post("/sandbox/api/{method}", ctx -> ctx.contentType("application/json; charset=utf-8")
                .result(workspace.answer(ctx.pathParam("method"), WebApi.params(ctx.header("Content-Type"), ctx.body())))
                .header("X-OAuth-Scopes", workspace.scopesHeader()));
        config.routes.post("/sandbox/response/{key}", this::responded);
        config.routes.post("/sandbox/upload/{id}", ctx -> {
            if (workspace.uploaded(ctx.pathParam("id"), ctx.bodyAsBytes())) ctx.result("OK");
            else ctx.status(404).result("no such upload URL");
        });
        config.routes.get("/sandbox/files/{id}", ctx -> workspace.file(ctx.pathParam("id"))
                .ifPresentOrElse(bytes -> ctx.contentType(Uploads.isPng(bytes) ? "image/png" : "text/plain; charset=utf-8").result(bytes),
                        () -> ctx.status(404)));
        config.routes.get("/sandbox/state", this::state);
        config.routes.post("/sandbox/command", this::command);
        config.routes.post("/sandbox/action", this::action);
        forms.register(config);
        config.routes.post("/sandbox/clock", this::clock);
        config.routes.post("/sandbox/read", this::read);
        config.routes.post("/sandbox/shortcut", this::shortcut);
        config.routes.post("/sandbox/react", this::react);
    }

    private void asset(Context ctx, String file) {
        try (InputStream in = SandboxRoutes.class.getResourceAsStream("/sandbox/" + file)) {
            if (in == null) throw new IllegalStateException("missing sandbox asset " + file);
            ctx.contentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1))).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void responded(Context ctx) {
        String[] to = responseUrls.get(ctx.pathParam("key"));
        if (to == null) {
            ctx.status(404).result("no such response URL");
            return;
        }
        // As Slack answers a response URL: "ok", or its error as the body of a 400.
        workspace.responded(to[0], to[1], JsonParser.parseString(ctx.body()).getAsJsonObject())
                .ifPresentOrElse(error -> ctx.status(400).result(error), () -> ctx.result("ok"));
    }

    private void state(Context ctx) {
        String user = ctx.queryParam("user");
        String channel = ctx.queryParam("channel");
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("now", clock.instant().toString());
        state.put("teamChannel", policy.workspace().teamChannel());
        state.put("people", workspace.people());
        state.put("shortcuts", shortcuts);
        if (user != null) {
            state.put("channels", workspace.channelsOf(user));
            state.put("activity", activity(user));
            workspace.openView(user).ifPresent(v -> state.put("view", Map.of("id", v.id(), "view", v.view())));
            // Only a channel the person sees: not someone else's direct messages or private channel.
            if (channel != null && workspace.channelsOf(user).stream().anyMatch(c -> c.id().equals(channel))) {
                state.put("messages", workspace.messages(channel, user));
                state.put("reactions", workspace.reactions(channel));
            }
        }
        json(ctx, state);
    }

    /** Per channel {@code user} sees, what the sidebar marks: its newest message, and what is unread and mentions them since they last read it. */
    private Map<String, ChannelActivity> activity(String user) {
        Map<String, ChannelActivity> activity = new LinkedHashMap<>();
        for (Workspace.Channel c : workspace.channelsOf(user)) {
            activity.put(c.id(), ChannelActivity.of(workspace.messages(c.id(), user), user, c.direct(), workspace.lastRead(user, c.id())));
        }
        return activity;
    }

    /** The page showed {@code user} a channel up to the message at {@code ts}: what came before is read. */
    private void read(Context ctx) {
        JsonObject in = JsonParser.parseString(ctx.body()).getAsJsonObject();
        String ts = in.get("ts").getAsString();
        if (!ts.matches("\\d{1,12}\\.\\d{1,9}")) {
            ctx.status(400);
            json(ctx, Map.of("error", "A message's ts looks like 1764300123.000200."));
            return;
        }
        String user = in.get("user").getAsString();
        String channel = in.get("channel").getAsString();
        if (!workspace.sees(user, channel)) {
            ctx.status(404);
            json(ctx, Map.of("error", "No such channel for this person."));
            return;
        }
        workspace.read(user, channel, ts);
        json(ctx, Map.of("status", 200));
    }

    /** "Escalate this message" (or another of the manifest's message shortcuts) from a message's menu: the {@code message_action} payload. */
    private void shortcut(Context ctx) throws Exception {
        JsonObject in = JsonParser.parseString(ctx.body()).getAsJsonObject();
        String user = in.get("user").getAsString();
        String channel = in.get("channel").getAsString();
        String callbackId = in.get("callbackId").getAsString();
        if (shortcuts.stream().noneMatch(s -> s.callbackId().equals(callbackId))) {
            ctx.status(400);
            json(ctx, Map.of("error", "The app has no message shortcut " + callbackId + "."));
            return;
        }
        Optional<Workspace.Message> message = workspace.shared(user, channel, in.get("ts").getAsString());
        Optional<Workspace.Channel> where = workspace.channel(channel);
        if (message.isEmpty() || where.isEmpty()) {
            ctx.status(404);
            json(ctx, Map.of("error", "No such message where you can see it."));
            return;
        }
        JsonObject payload = MessageMenu.shortcut(posts.base("message_action", user), where.get(), message.get(), callbackId,
                responseUrl(user, channel), clock.instant());
        HttpResponse<String> ack = posts.payload(payload);
        json(ctx, Map.of("status", ack.statusCode()));
    }

    /** A reaction from a message's menu: kept on the message, and told to the bot as Slack's Events API does ({@code reaction_added}). */
    private void react(Context ctx) throws Exception {
        JsonObject in = JsonParser.parseString(ctx.body()).getAsJsonObject();
        String user = in.get("user").getAsString();
        String channel = in.get("channel").getAsString();
        String ts = in.get("ts").getAsString();
        String name = in.get("name").getAsString();
        if (!name.matches(MessageMenu.REACTION_NAME)) {
            ctx.status(400);
            json(ctx, Map.of("error", "A reaction is an emoji's name, such as pushpin."));
            return;
        }
        Optional<Workspace.Message> message = workspace.shared(user, channel, ts);
        if (message.isEmpty()) {
            ctx.status(404);
            json(ctx, Map.of("error", "No such message where you can see it."));
            return;
        }
        if (!workspace.react(user, channel, ts, name)) {
            // As Slack: reacting twice with the same emoji changes nothing and tells the app nothing.
            json(ctx, Map.of("status", 200, "error", "already_reacted"));
            return;
        }
        // Slack tells a bot of reactions only in the conversations it is in.
        if (workspace.channel(channel).filter(c -> c.members().contains(Workspace.BOT_USER)).isEmpty()) {
            json(ctx, Map.of("status", 200));
            return;
        }
        String eventId = "Ev" + Long.toHexString(random.nextLong()).toUpperCase(java.util.Locale.ROOT);
        HttpResponse<String> ack = posts.signed(gson.toJson(MessageMenu.reactionAdded(user, message.get(), name, eventId, clock.instant())),
                "application/json");
        json(ctx, Map.of("status", ack.statusCode()));
    }

    /** {@code /esc …} typed in the composer: the slash-command form Slack posts, signed. */
    private void command(Context ctx) throws Exception {
        JsonObject in = JsonParser.parseString(ctx.body()).getAsJsonObject();
        String user = in.get("user").getAsString();
        String channel = in.get("channel").getAsString();
        String text = in.get("text").getAsString().replaceFirst("^/esc\\s*", "");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "sandbox");
        form.put("team_id", "T0SANDBOX");
        form.put("team_domain", "sandbox");
        form.put("channel_id", channel);
        form.put("channel_name", workspace.channel(channel).map(Workspace.Channel::name).orElse(channel));
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", "/esc");
        // Slack sends what was typed escaped, with the people and channels it names as mentions.
        form.put("text", Mentions.encode(text, workspace.people(), workspace.channelsOf(user)));
        form.put("api_app_id", "A0ESC");
        form.put("response_url", responseUrl(user, channel));
        form.put("trigger_id", workspace.newTrigger(user));
        String body = String.join("&", form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .toList());
        HttpResponse<String> ack = posts.signed(body, "application/x-www-form-urlencoded");
        if (ack.statusCode() == 200 && !ack.body().isBlank()) {
            JsonObject reply = JsonParser.parseString(ack.body()).getAsJsonObject();
            workspace.ephemeral(user, channel, reply.has("text") ? reply.get("text").getAsString() : "", reply.get("blocks"));
        } else if (ack.statusCode() != 200) {
            workspace.ephemeral(user, channel, "The bot answered HTTP " + ack.statusCode() + ".", null);
        }
        json(ctx, Map.of("status", ack.statusCode()));
    }

    /** A click on a button or a menu choice in a message: the {@code block_actions} payload. */
    private void action(Context ctx) throws Exception {
        JsonObject in = JsonParser.parseString(ctx.body()).getAsJsonObject();
        if (in.has("viewId") && !in.get("viewId").isJsonNull()) {
            forms.choice(ctx, in);
            return;
        }
        String user = in.get("user").getAsString();
        String channel = in.get("channel").getAsString();
        JsonObject action = new JsonObject();
        action.addProperty("action_id", in.get("actionId").getAsString());
        action.addProperty("block_id", in.has("blockId") ? in.get("blockId").getAsString() : "");
        action.addProperty("action_ts", clock.instant().getEpochSecond() + ".000001");
        if (in.has("selected")) {
            action.addProperty("type", "static_select");
            JsonObject option = new JsonObject();
            option.add("text", SlackPosts.text(in.get("selected").getAsString()));
            option.addProperty("value", in.get("selected").getAsString());
            action.add("selected_option", option);
        } else {
            action.addProperty("type", "button");
            action.addProperty("value", in.has("value") ? in.get("value").getAsString() : "");
            action.add("text", SlackPosts.text("button"));
        }
        JsonObject payload = posts.base("block_actions", user);
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", in.get("ts").getAsString());
        container.addProperty("channel_id", channel);
        container.addProperty("is_ephemeral", false);
        payload.add("container", container);
        JsonObject ch = new JsonObject();
        ch.addProperty("id", channel);
        ch.addProperty("name", workspace.channel(channel).map(Workspace.Channel::name).orElse(channel));
        payload.add("channel", ch);
        JsonObject message = new JsonObject();
        message.addProperty("type", "message");
        message.addProperty("ts", in.get("ts").getAsString());
        message.addProperty("text", "");
        payload.add("message", message);
        payload.addProperty("response_url", responseUrl(user, channel));
        JsonArray actions = new JsonArray();
        actions.add(action);
        payload.add("actions", actions);
        HttpResponse<String> ack = posts.payload(payload);
        json(ctx, Map.of("status", ack.statusCode()));
    }

    /**
     * {@code {"advance": "PT1H"}}, {@code {"jumpTo": "2026-11-27T17:00:00Z"}}, or the next weekday at a
     * time in a zone, {@code {"next": "FRIDAY", "time": "17:00", "zone": "America/Los_Angeles"}}; the
     * clock only moves forward.
     */
    private void clock(Context ctx) {
        JsonObject in = JsonParser.parseString(ctx.body()).getAsJsonObject();
        try {
            if (in.has("advance")) clock.advance(Duration.parse(in.get("advance").getAsString()));
            if (in.has("jumpTo")) clock.jumpTo(Instant.parse(in.get("jumpTo").getAsString()));
            if (in.has("next")) {
                java.time.ZoneId zone = java.time.ZoneId.of(in.get("zone").getAsString());
                java.time.ZonedDateTime now = clock.instant().atZone(zone);
                java.time.ZonedDateTime next = now.with(java.time.temporal.TemporalAdjusters.nextOrSame(
                        java.time.DayOfWeek.valueOf(in.get("next").getAsString()))).with(java.time.LocalTime.parse(in.get("time").getAsString()));
                if (!next.isAfter(now)) next = next.plusWeeks(1);
                clock.jumpTo(next.toInstant());
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            ctx.status(400);
            json(ctx, Map.of("error", "The sandbox clock only moves forward, by a duration such as PT1H or to a time such as "
                    + "2026-11-27T17:00:00Z."));
            return;
        }
        json(ctx, Map.of("now", clock.instant().toString()));
    }

    private String responseUrl(String user, String channel) {
        String key = "r" + ids.incrementAndGet() + "-" + Long.toHexString(random.nextLong());
        responseUrls.put(key, new String[] {user, channel});
        return "http://127.0.0.1:" + port + "/sandbox/response/" + key;
    }

    private void json(Context ctx, Object value) {
        ctx.contentType("application/json; charset=utf-8").result(gson.toJson(value));
    }
}
