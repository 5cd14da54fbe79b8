package app.escalate.bot.sandbox;

import app.escalate.storage.Database;
import app.escalate.storage.JdbiSandboxWorkspace;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static app.escalate.bot.sandbox.Workspace.BOT_USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the bot and the page change in the sandbox's workspace is read back, as it was, by the
 * workspace of the next start, and the ids given out after that are new.
 */
class StoredWorkspaceTest {
    private static final String MARIA = "U0ESCMARIA";
    private static final String KENJI = "U0ESCKENJI";

    private final Database db = Database.open("jdbc:h2:mem:stored-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final SandboxClock clock = new SandboxClock(Instant.parse("2026-11-24T17:00:00Z"));

    @AfterEach
    void close() {
        db.close();
    }

    /** A start of the sandbox: the workspace the database kept, with the people the policy names. */
    private Workspace started() {
        Workspace w = new StoredWorkspace(new JdbiSandboxWorkspace(db.jdbi())).restore(clock).workspace();
        w.addPerson(MARIA, "Maria", "Europe/London");
        w.addPerson(KENJI, "Kenji", "Asia/Tokyo");
        return w;
    }

    private static JsonObject answer(Workspace w, String method, String... params) {
        Map<String, String> p = new HashMap<>();
        for (int i = 0; i < params.length; i += 2) p.put(params[i], params[i + 1]);
        JsonObject answer = JsonParser.parseString(w.answer(method, p)).getAsJsonObject();
        assertThat(answer.get("ok").getAsBoolean()).as("%s %s", method, answer).isTrue();
        return answer;
    }

    @Test
    void channels_members_messages_pins_topics_modals_images_dms_reactions_and_read_markers_are_read_back_as_they_were() {
        Workspace before = started();
        String team = before.addChannel("escalations").id();
        before.addMember(team, BOT_USER);
        before.addMember(team, MARIA);
        String channel = answer(before, "conversations.create", "name", "esc-1-scam-ads").getAsJsonObject("channel").get("id").getAsString();
        answer(before, "conversations.invite", "channel", channel, "users", MARIA + "," + KENJI);
        String card = answer(before, "chat.postMessage", "channel", channel, "text", "ESC-1", "blocks", "[{\"type\":\"divider\"}]",
                "metadata", "{\"event_type\":\"escalate_case\",\"event_payload\":{\"case\":1}}").get("ts").getAsString();
        answer(before, "chat.update", "channel", channel, "ts", card, "text", "ESC-1 acknowledged");
        answer(before, "pins.add", "channel", channel, "timestamp", card);
        answer(before, "conversations.setTopic", "channel", channel, "topic", "SEV2 · triage");
        answer(before, "chat.postEphemeral", "channel", channel, "user", KENJI, "text", "only Kenji sees this");
        answer(before, "chat.postMessage", "channel", MARIA, "text", "You are on call");
        answer(before, "views.open", "trigger_id", before.newTrigger(MARIA), "view", "{\"type\":\"modal\",\"callback_id\":\"open_case\","
                + "\"title\":{\"type\":\"plain_text\",\"text\":\"Open a case\"},\"blocks\":[{\"type\":\"divider\"}]}");
        String file = answer(before, "files.getUploadURLExternal", "filename", "chart.png", "length", "4").get("file_id").getAsString();
        assertThat(before.uploaded(file, new byte[]{1, 2, 3, 4})).isTrue();
        answer(before, "files.completeUploadExternal", "channel_id", team, "files", "[{\"id\":\"" + file + "\",\"title\":\"Cases this week\"}]");
        before.react(KENJI, channel, card, "pushpin");
        before.read(MARIA, channel, card);
        String history = before.answer("conversations.history", Map.of("channel", channel, "limit", "10"));

        Workspace after = started();

        assertThat(after.dump()).isEqualTo(before.dump());
        assertThat(after.answer("conversations.history", Map.of("channel", channel, "limit", "10"))).as("with the card's metadata").isEqualTo(history);
        assertThat(after.messages(channel, KENJI)).isEqualTo(before.messages(channel, KENJI));
        assertThat(after.openView(MARIA)).isEqualTo(before.openView(MARIA));
        assertThat(after.file(file)).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(1, 2, 3, 4));
        assertThat(after.reactions(channel)).isEqualTo(before.reactions(channel));
        assertThat(after.lastRead(MARIA, channel)).contains(card);
        assertThat(after.channel(channel).orElseThrow().topic()).isEqualTo("SEV2 · triage");

        String next = answer(after, "conversations.create", "name", "esc-2-voice-clone").getAsJsonObject("channel").get("id").getAsString();
        String nextTs = answer(after, "chat.postMessage", "channel", next, "text", "ESC-2").get("ts").getAsString();
        assertThat(before.dump()).doesNotContain("\"" + next + "\"", nextTs);
        assertThat(after.dump()).doesNotContain(answer(after, "files.getUploadURLExternal", "filename", "x.png", "length", "1")
                .get("file_id").getAsString() + "\"");
    }

    @Test
    void what_is_refused_or_changes_nothing_is_not_written() {
        Workspace before = started();
        String channel = answer(before, "conversations.create", "name", "esc-1-scam-ads").getAsJsonObject("channel").get("id").getAsString();
        String card = answer(before, "chat.postMessage", "channel", channel, "text", "ESC-1").get("ts").getAsString();
        before.archive(channel);
        before.answer("chat.postMessage", Map.of("channel", channel, "text", "refused: archived"));
        before.read(MARIA, channel, card);
        before.read(MARIA, channel, "1.000001");   // older: the marker stays
        before.closeView("V0NOSUCH");
        assertThat(before.uploaded("F0NEVERGIVEN", new byte[]{9})).isFalse();

        Workspace after = started();

        assertThat(after.dump()).isEqualTo(before.dump()).doesNotContain("refused: archived", "F0NEVERGIVEN");
        assertThat(after.channel(channel).orElseThrow().archived()).isTrue();
        assertThat(after.lastRead(MARIA, channel)).contains(card);
    }
}
