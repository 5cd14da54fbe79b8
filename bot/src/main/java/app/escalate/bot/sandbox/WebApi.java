package app.escalate.bot.sandbox;

import app.escalate.bot.sandbox.Workspace.Channel;
import app.escalate.bot.sandbox.Workspace.Message;
import app.escalate.bot.sandbox.Workspace.Person;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import static app.escalate.bot.sandbox.Workspace.BOT_USER;

/**
 * The Web API methods the bot calls, answered from a workspace's parts as Slack answers them,
 * refusals included: the bot acts only in conversations it is in, never in an archived one, and
 * only with the scopes it was granted. Not thread-safe: {@link Workspace} holds its lock around every use.
 */
public final class WebApi {
    private final Gson gson = new Gson();
    private final Scopes scopes;
    private final Directory directory;
    private final Messages messages;
    private final Views views;
    private final Uploads uploads;
    private final Clock clock;
    /** A new number for an id (a ts, a view, a file), never given before. */
    private final IntSupplier ids;
    private final Supplier<String> nextTs;
    private final Supplier<String> socketModeUrl;

    WebApi(Scopes scopes, Directory directory, Messages messages, Views views, Uploads uploads, Clock clock, IntSupplier ids,
           Supplier<String> nextTs, Supplier<String> socketModeUrl) {
        this.scopes = scopes;
        this.directory = directory;
        this.messages = messages;
        this.views = views;
        this.uploads = uploads;
        this.clock = clock;
        this.ids = ids;
        this.nextTs = nextTs;
        this.socketModeUrl = socketModeUrl;
    }

    /** Slack's answer to a Web API call, as JSON text. */
    String answer(String method, Map<String, String> p) {
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
                String ts = nextTs.get();
                messages.add(new Message(c.id(), ts, BOT_USER, p.getOrDefault("text", ""), blocks(p), null, false),
                        Optional.ofNullable(parse(p.get("metadata"))));
                yield json(Map.of("ok", true, "channel", c.id(), "ts", ts, "message", Map.of("text", p.getOrDefault("text", ""), "user", BOT_USER)));
            }
            case "chat.update" -> {
                Channel c = directory.writable(method, p.get("channel"));
                refuseMessage(p);
                if (!BOT_USER.equals(messages.find(c, p.get("ts")).user())) throw Refused.with("cant_update_message");
                messages.change(c, p.get("ts"), m -> new Message(m.channel(), m.ts(), m.user(), p.getOrDefault("text", m.text()), blocks(p), null,
                        m.pinned()));
                yield json(Map.of("ok", true, "channel", c.id(), "ts", p.get("ts"), "text", p.getOrDefault("text", "")));
            }
            case "chat.postEphemeral" -> {
                Channel c = directory.writable(method, p.get("channel"));
                refuseMessage(p);
                String ts = nextTs.get();
                messages.add(new Message(c.id(), ts, BOT_USER, p.getOrDefault("text", ""), blocks(p), p.get("user"), false), Optional.empty());
                yield json(Map.of("ok", true, "message_ts", ts));
            }
            case "pins.add" -> {
                Channel c = directory.writable(method, p.get("channel"));
                if (messages.find(c, p.get("timestamp")).pinned()) throw Refused.with("already_pinned");
                messages.change(c, p.get("timestamp"), m -> new Message(m.channel(), m.ts(), m.user(), m.text(), m.blocks(), m.ephemeralFor(), true));
                yield json(Map.of("ok", true));
            }
            case "conversations.setTopic" -> {
                Channel c = directory.writable(method, p.get("channel"));
                directory.replace(c.withTopic(p.getOrDefault("topic", "")));
                yield json(Map.of("ok", true, "channel", Map.of("id", c.id(), "topic", Map.of("value", p.getOrDefault("topic", "")))));
            }
            case "conversations.history", "conversations.replies" -> {
                Channel c = directory.readable(method, p.get("channel"));
                List<Map<String, Object>> found = p.containsKey("latest") || method.equals("conversations.replies")
                        ? messages.one(c, p.getOrDefault("latest", p.get("ts")))
                        : messages.recent(c, Integer.parseInt(p.getOrDefault("limit", "100")));
                yield json(Map.of("ok", true, "messages", found, "has_more", false));
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
                messages.find(c, p.get("message_ts"));
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
                String id = p.getOrDefault("view_id", "V0VIEW" + ids.getAsInt());
                views.open(id, p.get("trigger_id"), parse(p.get("view")));
                yield json(Map.of("ok", true, "view", Map.of("id", id, "hash", "h" + ids.getAsInt())));
            }
            case "views.update" -> {
                refuseView(p);
                String id = p.getOrDefault("view_id", "V0VIEW" + ids.getAsInt());
                views.update(id, parse(p.get("view")));
                yield json(Map.of("ok", true, "view", Map.of("id", id, "hash", "h" + ids.getAsInt())));
            }
            case "conversations.open" -> {
                List<String> users = users(p);
                if (users.isEmpty()) throw Refused.with("users_list_not_supplied");
                if (users.stream().anyMatch(u -> directory.person(u).isEmpty())) throw Refused.with("user_not_found");
                yield json(Map.of("ok", true, "channel", Map.of("id", directory.directWith(users.get(0)).id())));
            }
            case "files.getUploadURLExternal" -> json(uploads.newUpload("F0FILE" + ids.getAsInt()));
            case "files.completeUploadExternal" -> completeUpload(p);
            case "apps.connections.open" -> socketModeUrl.get() == null
                    ? json(Map.of("ok", false, "error", "not_allowed_token_type"))
                    : json(Map.of("ok", true, "url", socketModeUrl.get()));
            default -> json(Map.of("ok", false, "error", "unknown_method"));
        };
    }

    private String invite(Map<String, String> p) {
        Channel c = directory.writable("conversations.invite", p.get("channel"));
        directory.invite(c, users(p));
        return json(Map.of("ok", true, "channel", Map.of("id", c.id(), "name", c.name(), "is_private", c.isPrivate(), "is_member", true)));
    }

    private String completeUpload(Map<String, String> p) {
        com.google.gson.JsonArray blocks = uploads.shared(p);
        Channel c = directory.writable("files.completeUploadExternal", p.get("channel_id"));
        String title = Uploads.title(p);
        messages.add(new Message(c.id(), nextTs.get(), BOT_USER, p.getOrDefault("initial_comment", title), blocks, null, false), Optional.empty());
        return json(Map.of("ok", true, "files", List.of(Map.of("id", Uploads.id(p), "title", title))));
    }


    private static List<String> users(Map<String, String> p) {
        return Arrays.stream(p.getOrDefault("users", "").split(",")).map(String::trim).filter(u -> !u.isEmpty()).distinct().toList();
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
