package app.escalate.bot.sandbox;

import app.escalate.bot.slack.AppManifest;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small Slack workspace in memory: people, channels, messages (ephemeral ones too), pins and
 * open modals, and the Web API methods the bot calls, answered as Slack's are. The sandbox serves
 * it to the bot over HTTP (the bot's Slack client does not know the difference) and shows it in
 * a browser; the tests serve the same answers from their fake Web API.
 */
public final class Workspace {
    public static final String BOT_USER = "U0BOT";

    public record Person(String id, String name, String timeZone) {
    }

    public record Channel(String id, String name, boolean isPrivate, Set<String> members, String topic, boolean direct) {
    }

    /** A message as the page shows it; {@code ephemeralFor} is the only person who sees it, when set. */
    public record Message(String channel, String ts, String user, String text, JsonElement blocks, String ephemeralFor, boolean pinned) {
    }

    /** A modal open for {@code user}. */
    public record View(String id, String user, JsonElement view) {
    }

    private final Gson gson = new Gson();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final List<Message> messages = new ArrayList<>();
    /** Who made each channel: the bot for those made with conversations.create, else someone in the workspace. */
    private final Map<String, String> creators = new LinkedHashMap<>();
    /** The metadata a message was posted with, by its ts. */
    private final Map<String, JsonElement> metadata = new LinkedHashMap<>();
    private final Map<String, View> views = new LinkedHashMap<>();
    /** Who a trigger id (given with a command or a click) belongs to, so a modal opens for them. */
    private final Map<String, String> triggers = new LinkedHashMap<>();
    private volatile String socketModeUrl;
    /** Where {@code files.getUploadURLExternal} sends uploads: the server's {@code …/upload/} path. */
    private volatile String uploadBase = "http://127.0.0.1/upload/";
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    /** Channels the bot was never invited to: a post there is refused, as Slack refuses it without {@code chat:write.public}. */
    private final Set<String> withoutBot = new java.util.HashSet<>();
    /** The scopes the app was installed with: all the manifest asks for, until one is revoked. */
    private final Set<String> grantedScopes = new LinkedHashSet<>(AppManifest.bundled().botScopeNames());

    /** What Slack says the bot's token may do, in the {@code X-OAuth-Scopes} header of every Web API answer. */
    public synchronized Set<String> grantedScopes() {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(grantedScopes));
    }

    /** The app was installed without {@code scope} (or it was taken away since). */
    public synchronized void revokeScope(String scope) {
        grantedScopes.remove(scope);
    }

    public synchronized void addPerson(String id, String name, String timeZone) {
        people.put(id, new Person(id, name, timeZone));
    }

    public synchronized void timeZone(String user, String zone) {
        Person p = people.get(user);
        people.put(user, new Person(user, p == null ? user.toLowerCase() : p.name(), zone));
    }

    /** A public channel that exists before the bot does anything (the team channel, say). */
    public synchronized Channel addChannel(String name) {
        return channels.values().stream().filter(c -> c.name().equals(name)).findFirst().orElseGet(() -> create(name, false));
    }

    /** A channel someone made, with the id Slack gave it (a {@code C…} id for a new channel, private or not). */
    public synchronized Channel addChannel(String id, String name, boolean isPrivate) {
        Channel c = new Channel(id, name, isPrivate, new LinkedHashSet<>(), "", false);
        channels.put(id, c);
        return c;
    }

    /** A channel (made if need be) that the bot is not in: posting there answers {@code not_in_channel}. */
    public synchronized void withoutBot(String name) {
        Channel c = addChannel(name);
        c.members().remove(BOT_USER);
        withoutBot.add(c.id());
    }

    /** Makes a channel name taken, so creating it fails with {@code name_taken}. */
    public synchronized void takeChannelName(String name) {
        addChannel(name);
    }

    /** A message someone wrote in a channel, for {@code conversations.history} to return. */
    public synchronized void messageInChannel(String channel, String ts, String user, String text) {
        messages.add(new Message(channel, ts, user, text, null, null, false));
    }

    public void socketModeUrl(String url) {
        socketModeUrl = url;
    }

    public void uploadBase(String base) {
        uploadBase = base;
    }

    /** The bytes posted to an upload URL this workspace gave out. */
    public synchronized void uploaded(String fileId, byte[] bytes) {
        files.put(fileId, bytes);
    }

    public synchronized Optional<byte[]> file(String fileId) {
        return Optional.ofNullable(files.get(fileId));
    }

    public synchronized String newTrigger(String user) {
        String trigger = ids.incrementAndGet() + "." + user + ".sandbox";
        triggers.put(trigger, user);
        return trigger;
    }

    public synchronized String nextTs() {
        return Instant.now().getEpochSecond() + "." + String.format("%06d", ids.incrementAndGet());
    }

    /** Slack's answer to a Web API call, as JSON text. */
    public synchronized String answer(String method, Map<String, String> p) {
        return switch (method) {
            case "auth.test" -> json(Map.of("ok", true, "url", "https://sandbox.invalid/", "team", "Sandbox", "user", "escalate",
                    "team_id", "T0SANDBOX", "user_id", BOT_USER, "bot_id", "B0BOT"));
            case "conversations.create" -> {
                String name = p.get("name");
                if (channels.values().stream().anyMatch(c -> c.name().equals(name))) yield json(Map.of("ok", false, "error", "name_taken"));
                boolean isPrivate = Set.of("1", "true").contains(p.getOrDefault("is_private", "false"));
                Channel c = create(name, isPrivate);
                c.members().add(BOT_USER);
                creators.put(c.id(), BOT_USER);
                yield json(Map.of("ok", true, "channel", Map.of("id", c.id(), "name", name, "is_channel", !isPrivate, "is_private", isPrivate,
                        "created", Instant.now().getEpochSecond())));
            }
            case "conversations.invite" -> {
                Channel c = channels.get(p.get("channel"));
                if (c != null) c.members().addAll(List.of(p.getOrDefault("users", "").split(",")));
                yield json(Map.of("ok", true, "channel", Map.of("id", p.get("channel"))));
            }
            case "chat.postMessage" -> {
                Optional<String> refused = refusedMessage(p);
                if (refused.isPresent()) yield refused.get();
                Channel c = resolve(p.get("channel"));
                if (withoutBot.contains(c.id())) yield json(Map.of("ok", false, "error", "not_in_channel"));
                String ts = nextTs();
                messages.add(new Message(c.id(), ts, BOT_USER, p.getOrDefault("text", ""), blocks(p), null, false));
                JsonElement meta = parse(p.get("metadata"));
                if (meta != null) metadata.put(ts, meta);
                yield json(Map.of("ok", true, "channel", c.id(), "ts", ts, "message", Map.of("text", p.getOrDefault("text", ""), "user", BOT_USER)));
            }
            case "chat.update" -> {
                Optional<String> refused = refusedMessage(p);
                if (refused.isPresent()) yield refused.get();
                Channel c = resolve(p.get("channel"));
                for (int i = 0; i < messages.size(); i++) {
                    Message m = messages.get(i);
                    if (m.channel().equals(c.id()) && m.ts().equals(p.get("ts"))) {
                        messages.set(i, new Message(m.channel(), m.ts(), m.user(), p.getOrDefault("text", m.text()), blocks(p), null, m.pinned()));
                    }
                }
                yield json(Map.of("ok", true, "channel", c.id(), "ts", p.get("ts"), "text", p.getOrDefault("text", "")));
            }
            case "chat.postEphemeral" -> {
                Optional<String> refused = refusedMessage(p);
                if (refused.isPresent()) yield refused.get();
                Channel c = resolve(p.get("channel"));
                String ts = nextTs();
                messages.add(new Message(c.id(), ts, BOT_USER, p.getOrDefault("text", ""), blocks(p), p.get("user"), false));
                yield json(Map.of("ok", true, "message_ts", ts));
            }
            case "pins.add" -> {
                Channel c = resolve(p.get("channel"));
                for (int i = 0; i < messages.size(); i++) {
                    Message m = messages.get(i);
                    if (m.channel().equals(c.id()) && m.ts().equals(p.get("timestamp"))) {
                        messages.set(i, new Message(m.channel(), m.ts(), m.user(), m.text(), m.blocks(), m.ephemeralFor(), true));
                    }
                }
                yield json(Map.of("ok", true));
            }
            case "conversations.setTopic" -> {
                Channel c = resolve(p.get("channel"));
                channels.put(c.id(), new Channel(c.id(), c.name(), c.isPrivate(), c.members(), p.getOrDefault("topic", ""), c.direct()));
                yield json(Map.of("ok", true, "channel", Map.of("id", c.id(), "topic", Map.of("value", p.getOrDefault("topic", "")))));
            }
            case "conversations.history" -> p.containsKey("latest") ? oneMessage(p) : recentMessages(p);
            case "conversations.list" -> {
                Set<String> types = Set.of(p.getOrDefault("types", "public_channel").split(","));
                yield json(Map.of("ok", true, "channels", channels.values().stream()
                        .filter(c -> !c.direct() && types.contains(c.isPrivate() ? "private_channel" : "public_channel"))
                        .map(c -> Map.of("id", c.id(), "name", c.name(), "is_private", c.isPrivate(),
                                "creator", creators.getOrDefault(c.id(), "U0SOMEONE"))).toList(),
                        "response_metadata", Map.of("next_cursor", "")));
            }
            case "conversations.replies" -> oneMessage(p);
            case "conversations.info" -> channel(p.getOrDefault("channel", "")).map(c -> json(Map.of("ok", true, "channel", Map.of(
                    "id", c.id(), "name", c.name(), "is_channel", !c.isPrivate() && !c.direct(), "is_group", false, "is_im", c.direct(),
                    "is_mpim", false, "is_private", c.isPrivate(), "is_archived", false, "is_member", c.members().contains(BOT_USER)))))
                    .orElseGet(() -> json(Map.of("ok", false, "error", "channel_not_found")));
            case "chat.getPermalink" -> json(Map.of("ok", true, "channel", p.get("channel"),
                    "permalink", "https://sandbox.invalid/archives/" + p.get("channel") + "/p" + p.get("message_ts").replace(".", "")));
            case "users.info" -> {
                Person person = people.getOrDefault(p.get("user"), new Person(p.get("user"), p.get("user").toLowerCase(), "UTC"));
                yield json(Map.of("ok", true, "user", Map.of("id", person.id(), "name", person.name(), "real_name", person.name(),
                        "tz", person.timeZone())));
            }
            case "views.open" -> {
                Optional<String> refused = refusedView(p);
                if (refused.isPresent()) yield refused.get();
                String id = p.getOrDefault("view_id", "V0VIEW" + ids.incrementAndGet());
                views.put(id, new View(id, triggers.get(p.get("trigger_id")), parse(p.get("view"))));
                yield json(Map.of("ok", true, "view", Map.of("id", id, "hash", "h" + ids.incrementAndGet())));
            }
            case "views.update" -> {
                Optional<String> refused = refusedView(p);
                if (refused.isPresent()) yield refused.get();
                String id = p.getOrDefault("view_id", "V0VIEW" + ids.incrementAndGet());
                View old = views.get(id);
                if (old != null) views.put(id, new View(id, old.user(), parse(p.get("view"))));
                yield json(Map.of("ok", true, "view", Map.of("id", id, "hash", "h" + ids.incrementAndGet())));
            }
            case "conversations.open" -> {
                Channel dm = resolve(p.getOrDefault("users", "").split(",")[0]);
                yield json(Map.of("ok", true, "channel", Map.of("id", dm.id())));
            }
            case "files.getUploadURLExternal" -> {
                String id = "F0FILE" + ids.incrementAndGet();
                files.put(id, new byte[0]);
                yield json(Map.of("ok", true, "upload_url", uploadBase + id, "file_id", id));
            }
            case "files.completeUploadExternal" -> {
                JsonElement list = parse(p.get("files"));
                String id = list == null ? "" : list.getAsJsonArray().get(0).getAsJsonObject().get("id").getAsString();
                String title = list == null ? "" : list.getAsJsonArray().get(0).getAsJsonObject().get("title").getAsString();
                if (!files.containsKey(id) || files.get(id).length == 0) yield json(Map.of("ok", false, "error", "file_not_found"));
                Channel c = resolve(p.get("channel_id"));
                JsonObject image = new JsonObject();
                image.addProperty("type", "image");
                image.addProperty("image_url", "/sandbox/files/" + id);
                image.addProperty("alt_text", title);
                JsonObject comment = new JsonObject();
                comment.addProperty("type", "section");
                JsonObject text = new JsonObject();
                text.addProperty("type", "mrkdwn");
                text.addProperty("text", p.getOrDefault("initial_comment", title));
                comment.add("text", text);
                com.google.gson.JsonArray blocks = new com.google.gson.JsonArray();
                blocks.add(comment);
                blocks.add(image);
                messages.add(new Message(c.id(), nextTs(), BOT_USER, p.getOrDefault("initial_comment", title), blocks, null, false));
                yield json(Map.of("ok", true, "files", List.of(Map.of("id", id, "title", title))));
            }
            case "apps.connections.open" -> socketModeUrl == null
                    ? json(Map.of("ok", false, "error", "not_allowed_token_type"))
                    : json(Map.of("ok", true, "url", socketModeUrl));
            default -> json(Map.of("ok", false, "error", "unknown_method"));
        };
    }

    /**
     * What the bot posted to a response URL the sandbox gave out for {@code user} in {@code channel}:
     * empty when taken, else the error Slack answers with (as an HTTP 400's body).
     */
    public synchronized Optional<String> responded(String user, String channel, JsonObject body) {
        String text = body.has("text") ? body.get("text").getAsString() : "";
        JsonElement blocks = body.has("blocks") ? body.get("blocks") : null;
        Optional<BlockKitLimits.Violation> refused = BlockKitLimits.message(text, blocks);
        if (refused.isPresent()) return refused.map(BlockKitLimits.Violation::error);
        boolean inChannel = body.has("response_type") && body.get("response_type").getAsString().equals("in_channel");
        messages.add(new Message(resolve(channel).id(), nextTs(), BOT_USER, text, blocks, inChannel ? null : user, false));
        return Optional.empty();
    }

    /** A message only {@code user} sees (the reply to a command), shown where they typed it. */
    public synchronized void ephemeral(String user, String channel, String text, JsonElement blocks) {
        messages.add(new Message(resolve(channel).id(), nextTs(), BOT_USER, text, blocks, user, false));
    }

    public synchronized List<Person> people() {
        return List.copyOf(people.values());
    }

    /** The channels {@code user} sees: public ones, private ones they are in, and their direct messages. */
    public synchronized List<Channel> channelsOf(String user) {
        return channels.values().stream().filter(c -> !c.isPrivate() || c.members().contains(user) || (c.direct() && c.members().contains(user)))
                .filter(c -> !c.direct() || c.members().contains(user)).toList();
    }

    /** The channel's messages as {@code user} sees them: everyone's, and the ephemeral ones meant for them. */
    public synchronized List<Message> messages(String channel, String user) {
        return messages.stream().filter(m -> m.channel().equals(channel))
                .filter(m -> m.ephemeralFor() == null || m.ephemeralFor().equals(user)).toList();
    }

    public synchronized Optional<View> openView(String user) {
        return views.values().stream().filter(v -> user.equals(v.user())).reduce((a, b) -> b);
    }

    public synchronized void closeView(String id) {
        views.remove(id);
    }

    public synchronized Optional<Channel> channel(String idOrName) {
        return Optional.ofNullable(channels.get(idOrName)).or(() -> channels.values().stream().filter(c -> c.name().equals(idOrName)).findFirst());
    }

    /** A channel by id or name; a user id is their direct-message channel with the bot. */
    /** The message at {@code latest}, as the bot reads a pinned or escalated message. */
    private String oneMessage(Map<String, String> p) {
        Optional<Message> m = messages.stream().filter(x -> x.channel().equals(p.get("channel")) && x.ts().equals(p.get("latest")))
                .findFirst();
        return json(Map.of("ok", true, "messages", m.map(x -> List.of(Map.of("type", "message", "ts", x.ts(), "user", x.user(),
                "text", x.text()))).orElse(List.of()), "has_more", false));
    }

    /** The channel's newest messages first, with their metadata, as the bot reads them to see what it posted before. */
    private String recentMessages(Map<String, String> p) {
        String channel = p.get("channel");
        int limit = Integer.parseInt(p.getOrDefault("limit", "100"));
        List<Map<String, Object>> recent = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && recent.size() < limit; i--) {
            Message m = messages.get(i);
            if (!m.channel().equals(channel) || m.ephemeralFor() != null) continue;
            Map<String, Object> json = new LinkedHashMap<>(Map.of("type", "message", "ts", m.ts(), "user", m.user(), "text", m.text()));
            if (metadata.containsKey(m.ts())) json.put("metadata", metadata.get(m.ts()));
            recent.add(json);
        }
        return json(Map.of("ok", true, "messages", recent, "has_more", false));
    }

    private Channel resolve(String idOrName) {
        if (idOrName == null) return create("unknown", false);
        Optional<Channel> known = channel(idOrName);
        if (known.isPresent()) return known.get();
        if (idOrName.startsWith("U")) {
            Channel dm = new Channel("D" + idOrName.substring(1), "dm-" + idOrName, true, new LinkedHashSet<>(List.of(idOrName, BOT_USER)), "", true);
            channels.put(dm.id(), dm);
            return dm;
        }
        return addChannel(idOrName.startsWith("#") ? idOrName.substring(1) : idOrName);
    }

    private Channel create(String name, boolean isPrivate) {
        // Slack gives new private channels C… ids too: a channel's first letter says nothing of its privacy.
        Channel c = new Channel("C0CH" + ids.incrementAndGet(), name, isPrivate, new LinkedHashSet<>(), "", false);
        channels.put(c.id(), c);
        return c;
    }

    /** Slack's answer to a message it will not take: no text nor blocks, text too long, or blocks over a Block Kit limit. */
    private Optional<String> refusedMessage(Map<String, String> p) {
        JsonElement blocks = blocks(p);
        if (p.getOrDefault("text", "").isEmpty() && (blocks == null || blocks.isJsonNull())) {
            return Optional.of(json(Map.of("ok", false, "error", "no_text")));
        }
        return BlockKitLimits.message(p.get("text"), blocks).map(this::refusal);
    }

    private Optional<String> refusedView(Map<String, String> p) {
        return BlockKitLimits.view(parse(p.get("view"))).map(this::refusal);
    }

    private String refusal(BlockKitLimits.Violation v) {
        return json(Map.of("ok", false, "error", v.error(), "errors", List.of(v.detail()),
                "response_metadata", Map.of("messages", List.of("[ERROR] " + v.detail()))));
    }

    private static JsonElement blocks(Map<String, String> p) {
        return parse(p.get("blocks"));
    }

    private static JsonElement parse(String json) {
        return json == null || json.isBlank() ? null : JsonParser.parseString(json);
    }

    private String json(Map<String, ?> value) {
        return gson.toJson(value);
    }

    /** A Web API call's parameters, form-encoded or JSON, as Slack reads them. */
    public static Map<String, String> params(String contentType, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (contentType != null && contentType.startsWith("application/json")) {
            JsonObject json = JsonParser.parseString(body).getAsJsonObject();
            json.keySet().forEach(k -> params.put(k, json.get(k).isJsonPrimitive() ? json.get(k).getAsString() : json.get(k).toString()));
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }
}
