package app.escalate.bot.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The message menu's payloads have what Slack's own have (the fields of Slack's samples the bot and Bolt read). */
class MessageMenuTest {
    private static final Instant AT = Instant.parse("2026-11-24T17:00:00.123456Z");
    private final Workspace.Message card = new Workspace.Message("C0CH4", "1764300000.000006", Workspace.BOT_USER, "ESC-1 SEV2 triage: Scam ads",
            JsonParser.parseString("[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*ESC-1*\"}}]"), null, true);

    @Test
    void the_menu_offers_the_message_shortcuts_the_manifest_declares() {
        assertThat(MessageMenu.shortcuts()).containsExactly(new MessageMenu.Shortcut("escalate_message", "Escalate this message"));
    }

    @Test
    void a_shortcut_is_the_message_action_payload_with_the_message_its_channel_and_a_response_url() {
        JsonObject base = JsonParser.parseString("""
                {"type":"message_action","team":{"id":"T0SANDBOX","domain":"sandbox"},"user":{"id":"U0ESCMARIA","name":"u0escmaria"},
                 "api_app_id":"A0ESC","token":"sandbox","trigger_id":"7.U0ESCMARIA.sandbox"}""").getAsJsonObject();
        Workspace.Channel channel = new Workspace.Channel("C0CH4", "esc-1-scam-ads", false, Set.of(), "", false, false);

        JsonObject payload = MessageMenu.shortcut(base, channel, card, "escalate_message", "http://127.0.0.1/sandbox/response/r1", AT);

        assertThat(payload.keySet()).contains("type", "callback_id", "trigger_id", "message_ts", "response_url", "message", "team", "user", "channel",
                "token", "action_ts");
        assertThat(payload.get("callback_id").getAsString()).isEqualTo("escalate_message");
        assertThat(payload.get("message_ts").getAsString()).isEqualTo("1764300000.000006");
        assertThat(payload.get("action_ts").getAsString()).isEqualTo("1795539600.123456");
        assertThat(payload.getAsJsonObject("channel").get("name").getAsString()).isEqualTo("esc-1-scam-ads");
        JsonObject message = payload.getAsJsonObject("message");
        assertThat(message.get("user").getAsString()).isEqualTo(Workspace.BOT_USER);
        assertThat(message.get("bot_id").getAsString()).isEqualTo("B0BOT");
        assertThat(message.get("text").getAsString()).isEqualTo("ESC-1 SEV2 triage: Scam ads");
        assertThat(message.getAsJsonArray("blocks")).hasSize(1);
        assertThat(base.has("callback_id")).as("the base is left as it was").isFalse();
    }

    @Test
    void a_reaction_is_the_events_apis_reaction_added_envelope() {
        JsonObject envelope = MessageMenu.reactionAdded("U0ESCKENJI", card, "pushpin", "Ev0123ABC", AT);

        assertThat(envelope.get("type").getAsString()).isEqualTo("event_callback");
        assertThat(envelope.get("event_id").getAsString()).isEqualTo("Ev0123ABC");
        assertThat(envelope.get("event_time").getAsLong()).isEqualTo(AT.getEpochSecond());
        assertThat(envelope.getAsJsonArray("authorizations").get(0).getAsJsonObject().get("user_id").getAsString()).isEqualTo(Workspace.BOT_USER);
        JsonObject event = envelope.getAsJsonObject("event");
        assertThat(event.toString()).isEqualTo("{\"type\":\"reaction_added\",\"user\":\"U0ESCKENJI\",\"item\":{\"type\":\"message\",\"channel\":\"C0CH4\","
                + "\"ts\":\"1764300000.000006\"},\"reaction\":\"pushpin\",\"item_user\":\"U0BOT\",\"event_ts\":\"1795539600.123456\"}");
        assertThat(List.of("pushpin", "+1", "white_check_mark")).allMatch(n -> n.matches(MessageMenu.REACTION_NAME));
        assertThat(List.of("", "<b>", "Pushpin", "a b")).noneMatch(n -> n.matches(MessageMenu.REACTION_NAME));
    }
}
