package app.escalate.bot.sandbox;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small Slack workspace in memory: people, channels, messages (ephemeral ones too), pins,
 * reactions and open modals, and the Web API methods the bot calls, answered as Slack's are,
 * refusals included: the bot acts only in conversations it is in, never in an archived one, and
 * only with the scopes it was granted. The sandbox serves it to the bot over HTTP (the bot's Slack
 * client does not know the difference) and shows it in a browser; the tests serve the same answers
 * from their fake Web API.
 */
public final class Workspace {
    public static final String BOT_USER = "U0BOT";

    /** A person; a {@code guest} (Slack's restricted account) is only in the channels an admin put them in. */
    public record Person(String id, String name, String timeZone, boolean guest) {
    }

    public record Channel(String id, String name, boolean isPrivate, Set<String> members, String topic, boolean direct, boolean archived) {
        Channel withTopic(String value) {
            return new Channel(id, name, isPrivate, members, value, direct, archived);
        }

        Scopes.Kind kind() {
            return direct ? Scopes.Kind.DIRECT : isPrivate ? Scopes.Kind.PRIVATE : Scopes.Kind.PUBLIC;
        }
    }

    /** A message as the page shows it; {@code ephemeralFor} is the only person who sees it, when set. */
    public record Message(String channel, String ts, String user, String text, JsonElement blocks, String ephemeralFor, boolean pinned) {
    }

    /** A modal open for {@code user}. */
    public record View(String id, String user, JsonElement view) {
    }

    private final Gson gson = new Gson();
    private final AtomicInteger ids = new AtomicInteger();
    private final Scopes scopes = new Scopes();
    private final Directory directory = new Directory(scopes);
    private final List<Message> messages = new ArrayList<>();
    /** The metadata a message was posted with, by its ts. */
    private final Map<String, JsonElement> metadata = new LinkedHashMap<>();
    private final Map<String, View> views = new LinkedHashMap<>();
    /** Who a trigger id (given with a command or a click) belongs to, so a modal opens for them. */
    private final Map<String, String> triggers = new LinkedHashMap<>();
    private volatile String socketModeUrl;
    /** Where {@code files.getUploadURLExternal} sends uploads: the server's {@code …/upload/} path. */
    private volatile String uploadBase = "http://127.0.0.1/upload/";
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    /** What message timestamps are made from: the sandbox's clock, so a message reads as sent when the bot thinks it is. */
    private final Clock clock;
    /** Reactions on messages, by channel and ts: each emoji's name with who added it, in order. */
    private final Reactions reactions = new Reactions();

    /** A workspace on real time. */
    public Workspace() {
        this(Clock.systemUTC());
    }

    public Workspace(Clock clock) {
        this.clock = clock;
    }

    public synchronized void addPerson(String id, String name, String timeZone) {
        directory.put(new Person(id, name, timeZone, directory.person(id).map(Person::guest).orElse(false)));
    }

    /** {@code userId} is a guest of the workspace (made one if need be): the bot cannot invite them anywhere. */
    public synchronized void guest(String userId) {
        Person p = directory.person(userId).orElse(new Person(userId, userId.toLowerCase(), "UTC", false));
        directory.put(new Person(p.id(), p.name(), p.timeZone(), true));
    }

    public synchronized void timeZone(String user, String zone) {
        Person p = directory.person(user).orElse(new Person(user, user.toLowerCase(), zone, false));
        directory.put(new Person(user, p.name(), zone, p.guest()));
    }

    /** The bot token's scopes: at first those manifest.yml asks for. */
    public Set<String> grantedScopes() {
        return scopes.granted();
    }

    /** An admin takes {@code scope} away: the methods that need it answer {@code missing_scope}. */
    public void revokeScope(String scope) {
        scopes.revoke(scope);
    }

    /** The granted scopes as Slack's {@code X-OAuth-Scopes} response header lists them. */
    public String scopesHeader() {
        return scopes.header();
    }

    /** A public channel someone made (made if need be), with nobody in it: the bot too must be invited. */
    public synchronized Channel addChannel(String name) {
        return directory.channel(name).orElseGet(() -> directory.create(name, false, Optional.empty()));
    }

    /** A channel someone made, with the id Slack gave it (a {@code C…} id for a new channel, private or not), with nobody in it. */
    public synchronized Channel addChannel(String id, String name, boolean isPrivate) {
        return directory.add(id, name, isPrivate, Optional.empty());
    }

    /** {@code user} (the bot too, {@link #BOT_USER}) joins the channel, as when someone invites them there. */
    public synchronized void addMember(String channelIdOrName, String user) {
        directory.known(channelIdOrName).members().add(user);
    }

    /** A public channel (made if need be) that the bot is not in: posting there answers {@code not_in_channel}. */
    public synchronized void withoutBot(String name) {
        addChannel(name).members().remove(BOT_USER);
    }

    /** Someone archives the channel: it keeps its name, members and history, and takes nothing new. */
    public synchronized void archive(String channelIdOrName) {
        Channel c = directory.known(channelIdOrName);
        directory.replace(new Channel(c.id(), c.name(), c.isPrivate(), c.members(), c.topic(), c.direct(), true));
    }

    /** Makes a channel name taken, so creating it fails with {@code name_taken}. */
    public synchronized void takeChannelName(String name) {
        addChannel(name);
    }

    /** A message someone wrote in a channel, for {@code conversations.history} to return. */
    public synchronized void messageInChannel(String channel, String ts, String user, String text) {
        messages.add(new Message(idOf(channel), ts, user, text, null, null, false));
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
        return clock.instant().getEpochSecond() + "." + String.format("%06d", ids.incrementAndGet());
    }

    /** Slack's answer to a Web API call, as JSON text. */
    public synchronized String answer(String method, Map<String, String> p) {
        try {
            scopes.requireFixed(method);
            return call(method, p);
        } catch (Refused r) {
            return r.answer;
        }
    }

    private String call(String method, Map<String, String> p) {
        return switch (method) {
            case "auth.test" -> json(Map.of("ok", true, "url", "https://sandbox.invalid/", "team", "Sandbox", "user", "escalate",
                    "team_id", "T0SANDBOX", "user_id", BOT_USER, "bot_id", "B0BOT"));
            case "conversations.create" -> {
                String name = p.get("name");
                boolean isPrivate = Set.of("1", "true").contains(p.getOrDefault("is_private", "false"));
                scopes.require(method, isPrivate ? Scopes.Kind.PRIVATE : Scopes.Kind.PUBLIC);
                if (directory.channel(name).isPresent()) throw Refused.with("name_taken");   // archived channels keep their names
                Channel c = directory.create(name, isPrivate, Optional.of(BOT_USER));
                yield json(Map.of("ok", true, "channel", Map.of("id", c.id(), "name", name, "is_channel", !isPrivate, "is_private", isPrivate,
                        "is_member", true, "created", clock.instant().getEpochSecond())));
            }
            case "conversations.invite" -> invite(p);
            case "chat.postMessage" -> {
                Channel c = directory.writable(method, p.get("channel"));
                refuseMessage(p);
                String ts = nextTs();
                messages.add(new Message(c.id(), ts, BOT_USER, p.getOrDefault("text", ""), blocks(p), null, false));
                JsonElement meta = parse(p.get("metadata"));
                if (meta != null) metadata.put(ts, meta);
                yield json(Map.of("ok", true, "channel", c.id(), "ts", ts, "message", Map.of("text", p.getOrDefault("text", ""), "user", BOT_USER)));
            }
            case "chat.update" -> {
                Channel c = directory.writable(method, p.get("channel"));
                refuseMessage(p);
                int at = indexOf(c, p.get("ts"));
                Message m = messages.get(at);
                if (!BOT_USER.equals(m.user())) throw Refused.with("cant_update_message");
                messages.set(at, new Message(m.channel(), m.ts(), m.user(), p.getOrDefault("text", m.text()), blocks(p), null, m.pinned()));
                yield json(Map.of("ok", true, "channel", c.id(), "ts", p.get("ts"), "text", p.getOrDefault("text", "")));
            }
            case "chat.postEphemeral" -> {
                Channel c = directory.writable(method, p.get("channel"));
                refuseMessage(p);
                String ts = nextTs();
                messages.add(new Message(c.id(), ts, BOT_USER, p.getOrDefault("text", ""), blocks(p), p.get("user"), false));
                yield json(Map.of("ok", true, "message_ts", ts));
            }
            case "pins.add" -> {
                Channel c = directory.writable(method, p.get("channel"));
                int at = indexOf(c, p.get("timestamp"));
                Message m = messages.get(at);
                if (m.pinned()) throw Refused.with("already_pinned");
                messages.set(at, new Message(m.channel(), m.ts(), m.user(), m.text(), m.blocks(), m.ephemeralFor(), true));
                yield json(Map.of("ok", true));
            }
            case "conversations.setTopic" -> {
                Channel c = directory.writable(method, p.get("channel"));
                directory.replace(c.withTopic(p.getOrDefault("topic", "")));
                yield json(Map.of("ok", true, "channel", Map.of("id", c.id(), "topic", Map.of("value", p.getOrDefault("topic", "")))));
            }
            case "conversations.history", "conversations.replies" -> {
                Channel c = directory.readable(method, p.get("channel"));
                yield p.containsKey("latest") || method.equals("conversations.replies") ? oneMessage(c, p) : recentMessages(c, p);
            }
            case "conversations.list" -> {
                String types = p.getOrDefault("types", "public_channel");
                scopes.requireToList(types);
                Set<String> asked = Set.of(types.split(","));
                boolean excludeArchived = Set.of("1", "true").contains(p.getOrDefault("exclude_archived", "false"));
                yield json(Map.of("ok", true, "channels", directory.channels().stream()
                        .filter(c -> !c.direct() && asked.contains(c.isPrivate() ? "private_channel" : "public_channel"))
                        .filter(c -> !c.isPrivate() || c.members().contains(BOT_USER))   // the private channels it is in
                        .filter(c -> !(excludeArchived && c.archived()))
                        .map(c -> Map.of("id", c.id(), "name", c.name(), "is_private", c.isPrivate(), "is_archived", c.archived(),
                                "creator", directory.creator(c))).toList(),
                        "response_metadata", Map.of("next_cursor", "")));
            }
            case "conversations.info" -> {
                Channel c = directory.visible(p.get("channel"));
                scopes.require(method, c.kind());
                yield json(Map.of("ok", true, "channel", Map.of("id", c.id(), "name", c.name(), "is_channel", !c.isPrivate() && !c.direct(),
                        "is_group", false, "is_im", c.direct(), "is_mpim", false, "is_private", c.isPrivate(), "is_archived", c.archived(),
                        "is_member", c.members().contains(BOT_USER))));
            }
            case "chat.getPermalink" -> {
                Channel c = directory.visible(p.get("channel"));
                indexOf(c, p.get("message_ts"));
                yield json(Map.of("ok", true, "channel", c.id(),
                        "permalink", "https://sandbox.invalid/archives/" + c.id() + "/p" + p.get("message_ts").replace(".", "")));
            }
            case "users.info" -> {
                Person person = directory.person(p.get("user")).orElseThrow(() -> Refused.with("user_not_found"));
                yield json(Map.of("ok", true, "user", Map.of("id", person.id(), "name", person.name(), "real_name", person.name(),
                        "tz", person.timeZone(), "deleted", false, "is_bot", false, "is_restricted", person.guest())));
            }
            case "views.open" -> {
                refuseView(p);
                String id = p.getOrDefault("view_id", "V0VIEW" + ids.incrementAndGet());
                views.put(id, new View(id, triggers.get(p.get("trigger_id")), parse(p.get("view"))));
                yield json(Map.of("ok", true, "view", Map.of("id", id, "hash", "h" + ids.incrementAndGet())));
            }
            case "views.update" -> {
                refuseView(p);
                String id = p.getOrDefault("view_id", "V0VIEW" + ids.incrementAndGet());
                View old = views.get(id);
                if (old != null) views.put(id, new View(id, old.user(), parse(p.get("view"))));
                yield json(Map.of("ok", true, "view", Map.of("id", id, "hash", "h" + ids.incrementAndGet())));
            }
            case "conversations.open" -> {
                List<String> users = users(p);
                if (users.isEmpty()) throw Refused.with("users_list_not_supplied");
                if (users.stream().anyMatch(u -> directory.person(u).isEmpty())) throw Refused.with("user_not_found");
                yield json(Map.of("ok", true, "channel", Map.of("id", directory.directWith(users.get(0)).id())));
            }
            case "files.getUploadURLExternal" -> {
                String id = "F0FILE" + ids.incrementAndGet();
                files.put(id, new byte[0]);
                yield json(Map.of("ok", true, "upload_url", uploadBase + id, "file_id", id));
            }
            case "files.completeUploadExternal" -> completeUpload(p);
            case "apps.connections.open" -> socketModeUrl == null
                    ? json(Map.of("ok", false, "error", "not_allowed_token_type"))
                    : json(Map.of("ok", true, "url", socketModeUrl));
            default -> json(Map.of("ok", false, "error", "unknown_method"));
        };
    }

    private String invite(Map<String, String> p) {
        Channel c = directory.writable("conversations.invite", p.get("channel"));
        directory.invite(c, users(p));
        return json(Map.of("ok", true, "channel", Map.of("id", c.id(), "name", c.name(), "is_private", c.isPrivate(), "is_member", true)));
    }

    private String completeUpload(Map<String, String> p) {
        JsonElement list = parse(p.get("files"));
        String id = list == null ? "" : list.getAsJsonArray().get(0).getAsJsonObject().get("id").getAsString();
        String title = list == null ? "" : list.getAsJsonArray().get(0).getAsJsonObject().get("title").getAsString();
        if (!files.containsKey(id) || files.get(id).length == 0) throw Refused.with("file_not_found");
        Channel c = directory.writable("files.completeUploadExternal", p.get("channel_id"));
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
        return json(Map.of("ok", true, "files", List.of(Map.of("id", id, "title", title))));
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
        messages.add(new Message(idOf(channel), nextTs(), BOT_USER, text, blocks, inChannel ? null : user, false));
        return Optional.empty();
    }

    /** A message only {@code user} sees (the reply to a command), shown where they typed it. */
    public synchronized void ephemeral(String user, String channel, String text, JsonElement blocks) {
        messages.add(new Message(idOf(channel), nextTs(), BOT_USER, text, blocks, user, false));
    }

    public synchronized List<Person> people() {
        return directory.people();
    }

    /** The channels {@code user} sees: public ones, private ones they are in, and their direct messages. */
    public synchronized List<Channel> channelsOf(String user) {
        return directory.channels().stream().filter(c -> !c.isPrivate() || c.members().contains(user)).toList();
    }

    /** The channel's messages as {@code user} sees them: everyone's, and the ephemeral ones meant for them. */
    public synchronized List<Message> messages(String channel, String user) {
        return messages.stream().filter(m -> m.channel().equals(channel))
                .filter(m -> m.ephemeralFor() == null || m.ephemeralFor().equals(user)).toList();
    }

    /**
     * A message {@code user} can act on from its menu (a shortcut, a reaction): in a channel they
     * see, and not an ephemeral one, which Slack offers neither on.
     */
    public synchronized Optional<Message> shared(String user, String channel, String ts) {
        if (channelsOf(user).stream().noneMatch(c -> c.id().equals(channel))) return Optional.empty();
        return messages.stream().filter(m -> m.channel().equals(channel) && m.ts().equals(ts) && m.ephemeralFor() == null).findFirst();
    }

    /** {@code user} adds the reaction {@code name} to a message; false when they already had (Slack answers {@code already_reacted}). */
    public synchronized boolean react(String user, String channel, String ts, String name) {
        return reactions.add(user, channel, ts, name);
    }

    /** The reactions on a channel's messages: per message ts, per emoji name (in the order first added), who added it. */
    public synchronized Map<String, Map<String, List<String>>> reactions(String channel) {
        return reactions.in(channel);
    }

    public synchronized Optional<View> openView(String user) {
        return views.values().stream().filter(v -> user.equals(v.user())).reduce((a, b) -> b);
    }

    public synchronized void closeView(String id) {
        views.remove(id);
    }

    /** Everything the workspace holds, as JSON: how a test sees that a refused call changed nothing. */
    synchronized String dump() {
        return gson.toJson(Map.of("people", directory.people(), "channels", directory.channels(), "messages", messages,
                "views", views.keySet(), "files", files.keySet()));
    }

    /** A channel by id, or by name with or without its {@code #}. */
    public synchronized Optional<Channel> channel(String idOrName) {
        return directory.channel(idOrName);
    }

    /** The message at {@code latest} (or the thread at {@code ts}), as the bot reads a pinned or escalated message. */
    private String oneMessage(Channel c, Map<String, String> p) {
        String ts = p.getOrDefault("latest", p.get("ts"));
        Optional<Message> m = messages.stream().filter(x -> x.channel().equals(c.id()) && x.ts().equals(ts) && x.ephemeralFor() == null)
                .findFirst();
        return json(Map.of("ok", true, "messages", m.map(x -> List.of(Map.of("type", "message", "ts", x.ts(), "user", x.user(),
                "text", x.text()))).orElse(List.of()), "has_more", false));
    }

    /** The channel's newest messages first, with their metadata, as the bot reads them to see what it posted before. */
    private String recentMessages(Channel c, Map<String, String> p) {
        int limit = Integer.parseInt(p.getOrDefault("limit", "100"));
        List<Map<String, Object>> recent = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && recent.size() < limit; i--) {
            Message m = messages.get(i);
            if (!m.channel().equals(c.id()) || m.ephemeralFor() != null) continue;
            Map<String, Object> json = new LinkedHashMap<>(Map.of("type", "message", "ts", m.ts(), "user", m.user(), "text", m.text()));
            if (metadata.containsKey(m.ts())) json.put("metadata", metadata.get(m.ts()));
            recent.add(json);
        }
        return json(Map.of("ok", true, "messages", recent, "has_more", false));
    }

    private String idOf(String channel) {
        return directory.resolve(channel).map(Channel::id).orElse(channel);
    }

    private static List<String> users(Map<String, String> p) {
        return Arrays.stream(p.getOrDefault("users", "").split(",")).map(String::trim).filter(u -> !u.isEmpty()).distinct().toList();
    }

    /** Where in the messages the channel's message {@code ts} is; Slack's {@code message_not_found} when it has none. */
    private int indexOf(Channel c, String ts) {
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (m.channel().equals(c.id()) && m.ts().equals(ts) && m.ephemeralFor() == null) return i;
        }
        throw Refused.with("message_not_found");
    }

    /** Slack's answer to a message it will not take: no text nor blocks, text too long, or blocks over a Block Kit limit. */
    private void refuseMessage(Map<String, String> p) {
        JsonElement blocks = blocks(p);
        if (p.getOrDefault("text", "").isEmpty() && (blocks == null || blocks.isJsonNull())) throw Refused.with("no_text");
        BlockKitLimits.message(p.get("text"), blocks).ifPresent(v -> {
            throw refusal(v);
        });
    }

    private void refuseView(Map<String, String> p) {
        BlockKitLimits.view(parse(p.get("view"))).ifPresent(v -> {
            throw refusal(v);
        });
    }

    private Refused refusal(BlockKitLimits.Violation v) {
        return Refused.answering(Map.of("ok", false, "error", v.error(), "errors", List.of(v.detail()),
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
