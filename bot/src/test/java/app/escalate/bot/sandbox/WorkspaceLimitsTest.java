package app.escalate.bot.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The stand-in answers as Slack does when a message or view is over a Block Kit limit, and keeps nothing of it. */
class WorkspaceLimitsTest {
    private final Workspace workspace = new Workspace();

    private static String section(int characters) {
        return "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + "x".repeat(characters) + "\"}}]";
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void a_post_update_or_ephemeral_over_a_limit_is_refused_with_slacks_error_and_its_pointer() {
        String channel = workspace.addChannel("escalations").id();
        workspace.addMember(channel, Workspace.BOT_USER);
        for (String method : new String[]{"chat.postMessage", "chat.postEphemeral"}) {
            JsonObject refused = json(workspace.answer(method, Map.of("channel", channel, "user", "U0ESCMARIA", "text", "t", "blocks", section(3001))));
            assertThat(refused.get("ok").getAsBoolean()).as(method).isFalse();
            assertThat(refused.get("error").getAsString()).isEqualTo("invalid_blocks");
            assertThat(refused.getAsJsonArray("errors").get(0).getAsString())
                    .isEqualTo("must be less than 3001 characters [json-pointer:/blocks/0/text/text]");
        }
        assertThat(workspace.messages(channel, "U0ESCMARIA")).isEmpty();

        String ts = json(workspace.answer("chat.postMessage", Map.of("channel", channel, "text", "t", "blocks", section(3000)))).get("ts").getAsString();
        assertThat(json(workspace.answer("chat.update", Map.of("channel", channel, "ts", ts, "text", "t", "blocks", section(3001))))
                .get("error").getAsString()).isEqualTo("invalid_blocks");
        assertThat(json(workspace.answer("chat.postMessage", Map.of("channel", channel, "text", "x".repeat(40_001))))
                .get("error").getAsString()).isEqualTo("msg_too_long");
        assertThat(json(workspace.answer("chat.postMessage", Map.of("channel", channel))).get("error").getAsString()).isEqualTo("no_text");
    }

    @Test
    void a_view_over_a_limit_is_refused_as_invalid_arguments() {
        String view = "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"" + "t".repeat(25) + "\"},\"blocks\":[]}";
        JsonObject refused = json(workspace.answer("views.open", Map.of("trigger_id", workspace.newTrigger("U0ESCMARIA"), "view", view)));
        assertThat(refused.get("error").getAsString()).isEqualTo("invalid_arguments");
        assertThat(workspace.openView("U0ESCMARIA")).isEmpty();
    }

    @Test
    void a_response_url_body_over_a_limit_is_refused() {
        workspace.addChannel("escalations");
        assertThat(workspace.responded("U0ESCMARIA", "escalations", json("{\"text\":\"t\",\"blocks\":" + section(3001) + "}")))
                .contains("invalid_blocks");
        assertThat(workspace.responded("U0ESCMARIA", "escalations", json("{\"text\":\"t\",\"blocks\":" + section(3000) + "}"))).isEmpty();
    }
}
