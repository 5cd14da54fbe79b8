package app.escalate.bot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a person does from a message's menu on the sandbox page, as Slack tells the bot: one of the
 * app's message shortcuts (the {@code message_action} interactivity payload) or a reaction (the
 * Events API's {@code reaction_added}). Pure: the sandbox signs and posts what these build.
 */
final class MessageMenu {
    /** A reaction's name as Slack has them: {@code pushpin}, {@code +1}, {@code white_check_mark}. */
    static final String REACTION_NAME = "[a-z0-9_+'-]{1,100}";

    /** A message shortcut the app's manifest declares: what the menu offers, under the manifest's name for it. */
    record Shortcut(String callbackId, String name) {
    }

    private MessageMenu() {
    }

    /** The message shortcuts of the manifest this jar was built with, in its order. */
    static List<Shortcut> shortcuts() {
        try (InputStream in = MessageMenu.class.getResourceAsStream("/slack/manifest.yml")) {
            if (in == null) throw new IllegalStateException("/slack/manifest.yml is missing from the jar: the build copies manifest.yml there");
            JsonNode declared = new ObjectMapper(new YAMLFactory()).readTree(in).path("features").path("shortcuts");
            List<Shortcut> shortcuts = new ArrayList<>();
            declared.forEach(s -> {
                if ("message".equals(s.path("type").asText())) shortcuts.add(new Shortcut(s.path("callback_id").asText(), s.path("name").asText()));
            });
            return List.copyOf(shortcuts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code message_action} payload for {@code callbackId} run on {@code message}: {@code base}
     * has the type, team, user, app, token and trigger id, as for every interactivity payload.
     */
    static JsonObject shortcut(JsonObject base, Workspace.Channel channel, Workspace.Message message, String callbackId, String responseUrl,
                               Instant at) {
        JsonObject payload = base.deepCopy();
        payload.addProperty("callback_id", callbackId);
        payload.addProperty("action_ts", ts(at));
        payload.addProperty("message_ts", message.ts());
        JsonObject ch = new JsonObject();
        ch.addProperty("id", channel.id());
        ch.addProperty("name", channel.direct() ? "directmessage" : channel.name());
        payload.add("channel", ch);
        payload.add("message", message(message));
        payload.addProperty("response_url", responseUrl);
        payload.addProperty("is_enterprise_install", false);
        return payload;
    }

    /** The Events API envelope of {@code user} adding {@code reaction} to {@code message}, as event {@code eventId}. */
    static JsonObject reactionAdded(String user, Workspace.Message message, String reaction, String eventId, Instant at) {
        JsonObject item = new JsonObject();
        item.addProperty("type", "message");
        item.addProperty("channel", message.channel());
        item.addProperty("ts", message.ts());
        JsonObject event = new JsonObject();
        event.addProperty("type", "reaction_added");
        event.addProperty("user", user);
        event.add("item", item);
        event.addProperty("reaction", reaction);
        event.addProperty("item_user", message.user());
        event.addProperty("event_ts", ts(at));
        JsonObject authorization = new JsonObject();
        authorization.addProperty("team_id", "T0SANDBOX");
        authorization.addProperty("user_id", Workspace.BOT_USER);
        authorization.addProperty("is_bot", true);
        authorization.addProperty("is_enterprise_install", false);
        JsonArray authorizations = new JsonArray();
        authorizations.add(authorization);
        JsonObject envelope = new JsonObject();
        envelope.addProperty("token", "sandbox");
        envelope.addProperty("team_id", "T0SANDBOX");
        envelope.addProperty("api_app_id", "A0ESC");
        envelope.add("event", event);
        envelope.addProperty("type", "event_callback");
        envelope.addProperty("event_id", eventId);
        envelope.addProperty("event_time", at.getEpochSecond());
        envelope.add("authorizations", authorizations);
        envelope.addProperty("is_ext_shared_channel", false);
        return envelope;
    }

    /** The message as a shortcut's payload carries it: who wrote it (a bot's with its bot id), when, its text and blocks. */
    private static JsonObject message(Workspace.Message m) {
        JsonObject message = new JsonObject();
        message.addProperty("type", "message");
        message.addProperty("user", m.user());
        if (Workspace.BOT_USER.equals(m.user())) message.addProperty("bot_id", "B0BOT");
        message.addProperty("ts", m.ts());
        message.addProperty("text", m.text() == null ? "" : m.text());
        if (m.blocks() != null && m.blocks().isJsonArray()) message.add("blocks", m.blocks().deepCopy());
        return message;
    }

    private static String ts(Instant at) {
        return at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000);
    }
}
