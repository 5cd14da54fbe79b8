package app.escalate.bot.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static app.escalate.bot.sandbox.Workspace.BOT_USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in refuses what Slack refuses a bot, with Slack's error code, and keeps nothing of
 * the refused call: conversations it is not in, unknown ones, archived ones, people who cannot be
 * invited, and methods whose scope it was not granted.
 */
class WorkspaceStrictnessTest {
    private static final String MARIA = "U0ESCMARIA";
    private static final String KENJI = "U0ESCKENJI";
    private static final String GUEST = "U0GUEST";

    private final Workspace workspace = new Workspace();
    /** A public channel the bot is in, with one message of its own. */
    private String ours;
    private String ourMessage;

    @BeforeEach
    void a_workspace_with_the_bot_in_one_channel() {
        workspace.addPerson(MARIA, "Maria", "Europe/London");
        workspace.addPerson(KENJI, "Kenji", "Asia/Tokyo");
        workspace.guest(GUEST);
        ours = workspace.addChannel("C0OURS", "escalations", false).id();
        workspace.addMember(ours, BOT_USER);
        ourMessage = answer("chat.postMessage", "channel", ours, "text", "hello").get("ts").getAsString();
    }

    private JsonObject answer(String method, String... params) {
        Map<String, String> p = new HashMap<>();
        for (int i = 0; i < params.length; i += 2) p.put(params[i], params[i + 1]);
        return JsonParser.parseString(workspace.answer(method, p)).getAsJsonObject();
    }

    /** Asserts that {@code method} is refused with {@code error} and that the workspace is as it was. */
    private JsonObject refused(String error, String method, String... params) {
        String before = workspace.dump();
        JsonObject answer = answer(method, params);
        assertThat(answer.get("ok").getAsBoolean()).as("%s %s", method, answer).isFalse();
        assertThat(answer.get("error").getAsString()).as(method).isEqualTo(error);
        assertThat(workspace.dump()).as("what %s left behind", method).isEqualTo(before);
        return answer;
    }

    /** A call of {@code method} that would change {@code channel}, as the bot makes it. */
    private String[] changing(String method, String channel) {
        return switch (method) {
            case "chat.postMessage" -> new String[]{"channel", channel, "text", "hi"};
            case "chat.update" -> new String[]{"channel", channel, "ts", ourMessage, "text", "edited"};
            case "chat.postEphemeral" -> new String[]{"channel", channel, "user", MARIA, "text", "psst"};
            case "pins.add" -> new String[]{"channel", channel, "timestamp", ourMessage};
            case "conversations.setTopic" -> new String[]{"channel", channel, "topic", "SEV1"};
            case "conversations.invite" -> new String[]{"channel", channel, "users", MARIA};
            default -> throw new IllegalArgumentException(method);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat.postMessage", "chat.postEphemeral", "conversations.setTopic", "conversations.invite"})
    void a_public_channel_the_bot_is_not_in_answers_not_in_channel(String method) {
        workspace.addChannel("C0GENERAL", "general", false);

        refused("not_in_channel", method, changing(method, "C0GENERAL"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat.update", "pins.add"})
    void once_the_bot_has_left_a_channel_its_messages_there_cannot_be_changed(String method) {
        workspace.withoutBot("escalations");

        refused("not_in_channel", method, changing(method, ours));
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat.postMessage", "chat.postEphemeral", "conversations.setTopic", "conversations.invite",
            "conversations.info", "conversations.history"})
    void a_private_channel_the_bot_is_not_in_is_hidden_from_it(String method) {
        workspace.addChannel("C0SECRET", "legal-private", true);
        workspace.addMember("C0SECRET", MARIA);

        refused("channel_not_found", method, method.startsWith("conversations.info") || method.startsWith("conversations.history")
                ? new String[]{"channel", "C0SECRET"} : changing(method, "C0SECRET"));
    }

    @Test
    void a_private_channel_the_bot_is_not_in_is_not_listed_to_it() {
        workspace.addChannel("C0SECRET", "legal-private", true);

        assertThat(answer("conversations.list", "types", "public_channel,private_channel").toString())
                .contains("escalations").doesNotContain("C0SECRET");
    }

    @Test
    void an_unknown_channel_is_not_found_and_not_invented() {
        refused("channel_not_found", "chat.postMessage", "channel", "C0NOSUCH", "text", "hi");
        refused("channel_not_found", "chat.postMessage", "channel", "#no-such-channel", "text", "hi");
        refused("channel_not_found", "conversations.info", "channel", "C0NOSUCH");
        assertThat(workspace.channel("C0NOSUCH")).isEmpty();
    }

    @Test
    void a_post_to_a_person_opens_their_direct_messages_and_to_an_unknown_person_is_not_found() {
        refused("channel_not_found", "chat.postMessage", "channel", "U0NOBODY", "text", "hi");

        JsonObject dm = answer("chat.postMessage", "channel", MARIA, "text", "You're on call");
        assertThat(dm.get("channel").getAsString()).startsWith("D");
        assertThat(workspace.messages(dm.get("channel").getAsString(), MARIA)).extracting(Workspace.Message::text).containsExactly("You're on call");
    }

    @Test
    void opening_direct_messages_with_an_unknown_person_is_user_not_found() {
        refused("user_not_found", "conversations.open", "users", "U0NOBODY");
        assertThat(answer("conversations.open", "users", MARIA).getAsJsonObject("channel").get("id").getAsString()).startsWith("D");
    }

    @Test
    void an_unknown_person_has_no_profile() {
        refused("user_not_found", "users.info", "user", "U0NOBODY");
        assertThat(answer("users.info", "user", KENJI).getAsJsonObject("user").get("tz").getAsString()).isEqualTo("Asia/Tokyo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat.postMessage", "chat.update", "chat.postEphemeral", "pins.add", "conversations.setTopic", "conversations.invite"})
    void an_archived_channel_takes_nothing_new(String method) {
        workspace.archive(ours);

        refused("is_archived", method, changing(method, ours));
    }

    @Test
    void an_archived_channel_says_so_and_keeps_its_name() {
        workspace.archive("escalations");

        assertThat(answer("conversations.info", "channel", ours).getAsJsonObject("channel").get("is_archived").getAsBoolean()).isTrue();
        refused("name_taken", "conversations.create", "name", "escalations");
    }

    @Test
    void an_invite_with_anyone_who_cannot_be_invited_invites_nobody_and_names_each_reason() {
        JsonObject answer = refused("cant_invite", "conversations.invite", "channel", ours, "users", MARIA + "," + GUEST + ",U0NOBODY");

        assertThat(answer.getAsJsonArray("errors")).containsExactly(
                JsonParser.parseString("{\"ok\":false,\"error\":\"cant_invite\",\"user\":\"U0GUEST\"}"),
                JsonParser.parseString("{\"ok\":false,\"error\":\"user_not_found\",\"user\":\"U0NOBODY\"}"));
        assertThat(workspace.channel(ours).orElseThrow().members()).doesNotContain(MARIA);
    }

    @Test
    void inviting_someone_already_in_the_channel_is_already_in_channel() {
        assertThat(answer("conversations.invite", "channel", ours, "users", MARIA).get("ok").getAsBoolean()).isTrue();

        refused("already_in_channel", "conversations.invite", "channel", ours, "users", MARIA + "," + KENJI);
        refused("cant_invite_self", "conversations.invite", "channel", ours, "users", BOT_USER);
        assertThat(workspace.channel(ours).orElseThrow().members()).doesNotContain(KENJI);
    }

    @Test
    void a_message_that_is_not_there_or_not_the_bots_cannot_be_updated_or_pinned() {
        workspace.messageInChannel(ours, "1764300123.000200", MARIA, "someone else's words");

        refused("message_not_found", "chat.update", "channel", ours, "ts", "1764300000.000001", "text", "edited");
        refused("message_not_found", "pins.add", "channel", ours, "timestamp", "1764300000.000001");
        refused("cant_update_message", "chat.update", "channel", ours, "ts", "1764300123.000200", "text", "edited");
        assertThat(answer("pins.add", "channel", ours, "timestamp", ourMessage).get("ok").getAsBoolean()).isTrue();
        refused("already_pinned", "pins.add", "channel", ours, "timestamp", ourMessage);
    }

    @Test
    void a_method_whose_scope_was_revoked_answers_missing_scope_naming_it_and_what_the_token_has() {
        workspace.revokeScope("chat:write");

        JsonObject answer = refused("missing_scope", "chat.postMessage", "channel", ours, "text", "hi");

        assertThat(answer.get("needed").getAsString()).isEqualTo("chat:write");
        assertThat(answer.get("provided").getAsString()).isEqualTo(workspace.scopesHeader()).doesNotContain("chat:write").contains("pins:write");
        assertThat(workspace.grantedScopes()).doesNotContain("chat:write");
    }

    @Test
    void the_scope_a_method_needs_depends_on_the_kind_of_conversation() {
        workspace.addChannel("C0PRIV", "legal-private", true);
        workspace.addMember("C0PRIV", BOT_USER);
        workspace.revokeScope("groups:write");
        workspace.revokeScope("groups:history");

        assertThat(refused("missing_scope", "conversations.create", "name", "esc-2-secret", "is_private", "true").get("needed").getAsString())
                .isEqualTo("groups:write");
        assertThat(refused("missing_scope", "conversations.setTopic", "channel", "C0PRIV", "topic", "x").get("needed").getAsString())
                .isEqualTo("groups:write");
        assertThat(refused("missing_scope", "conversations.history", "channel", "C0PRIV").get("needed").getAsString())
                .isEqualTo("groups:history");
        assertThat(answer("conversations.create", "name", "esc-1-public").get("ok").getAsBoolean()).as("channels:manage is still granted").isTrue();
        assertThat(answer("conversations.history", "channel", ours).get("ok").getAsBoolean()).as("channels:history is still granted").isTrue();

        workspace.revokeScope("users:read");
        workspace.revokeScope("im:write");
        workspace.revokeScope("pins:write");
        workspace.revokeScope("files:write");
        assertThat(refused("missing_scope", "users.info", "user", MARIA).get("needed").getAsString()).isEqualTo("users:read");
        assertThat(refused("missing_scope", "conversations.open", "users", MARIA).get("needed").getAsString()).isEqualTo("im:write");
        assertThat(refused("missing_scope", "pins.add", "channel", ours, "timestamp", ourMessage).get("needed").getAsString()).isEqualTo("pins:write");
        assertThat(refused("missing_scope", "files.getUploadURLExternal", "filename", "a.png", "length", "3").get("needed").getAsString())
                .isEqualTo("files:write");
    }

    @Test
    void listing_private_channels_needs_groups_read() {
        workspace.revokeScope("groups:read");

        assertThat(refused("missing_scope", "conversations.list", "types", "public_channel,private_channel").get("needed").getAsString())
                .isEqualTo("groups:read");
        assertThat(answer("conversations.list", "types", "public_channel").get("ok").getAsBoolean()).isTrue();
    }
}
