package app.escalate.bot;

import app.escalate.bot.slack.AppManifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar escalate.jar doctor}, with the bot's environment, against a fake Slack workspace. */
class DoctorTest {
    private static final String TEAM = "escalations";
    private static final String LEADERSHIP = "esc-leadership";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private FakeSlackApi slack;

    @BeforeEach
    void slack() throws Exception {
        slack = new FakeSlackApi();
    }

    @AfterEach
    void close() {
        slack.close();
    }

    private int doctor(Map<String, String> env) throws Exception {
        return Escalate.doctor(env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int doctor() throws Exception {
        return doctor(Map.of("SLACK_BOT_TOKEN", BotHarness.TOKEN, "SLACK_SIGNING_SECRET", BotHarness.SECRET, "SLACK_API_URL", slack.apiUrl()));
    }

    private List<String> printed() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void a_workspace_set_up_as_the_readme_says_gets_one_ok_line_per_check() throws Exception {
        slack.botIn(TEAM);
        slack.botIn(LEADERSHIP);

        assertThat(doctor()).isZero();
        assertThat(printed()).containsExactly(
                "ok: Slack takes SLACK_BOT_TOKEN: it is the bot @escalate in Sandbox.",
                "ok: The app has the " + AppManifest.bundled().botScopes().size() + " scopes manifest.yml asks for.",
                "ok: #escalations (workspace.team_channel) exists and @Escalate is in it.",
                "ok: #esc-leadership (workspace.leadership_channel) exists and @Escalate is in it.");
    }

    @Test
    void a_channel_the_bot_was_never_invited_to_and_a_scope_not_granted_are_each_one_line_with_the_fix() throws Exception {
        slack.botIn(TEAM);
        slack.withoutBot(LEADERSHIP);
        slack.revokeScope("groups:write");

        assertThat(doctor()).isEqualTo(1);
        assertThat(printed()).containsExactly(
                "ok: Slack takes SLACK_BOT_TOKEN: it is the bot @escalate in Sandbox.",
                "problem: The app lacks the scope `groups:write` (private channels for restricted cases). "
                        + "Ask a Slack admin to add that scope to the app and reinstall it.",
                "ok: #escalations (workspace.team_channel) exists and @Escalate is in it.",
                "problem: Invite @Escalate to #esc-leadership (type `/invite @Escalate` there).");
    }

    @Test
    void a_channel_slack_does_not_know_is_named_with_the_policy_key_that_names_it() throws Exception {
        slack.botIn(LEADERSHIP);

        assertThat(doctor()).isEqualTo(1);
        assertThat(printed()).contains("problem: Check that #escalations exists; if it is private, invite @Escalate to it. "
                + "The channel is `workspace.team_channel` in the policy.");
    }

    @Test
    void a_token_slack_refuses_is_the_one_problem_reported_and_is_never_printed() throws Exception {
        slack.failNext("auth.test", 1, 200, Map.of(), "{\"ok\":false,\"error\":\"invalid_auth\"}");

        assertThat(doctor()).isEqualTo(1);
        assertThat(printed()).singleElement().asString()
                .startsWith("problem: SLACK_BOT_TOKEN is wrong or revoked (Slack answered `invalid_auth`): copy the Bot User OAuth Token")
                .contains("api.slack.com/apps");
        assertThat(out.toString(StandardCharsets.UTF_8) + err).doesNotContain(BotHarness.TOKEN);
        assertThat(slack.calls()).extracting(FakeSlackApi.Call::method).containsExactly("auth.test");
    }

    @Test
    void slack_out_of_reach_is_said_in_one_line() throws Exception {
        int status = doctor(Map.of("SLACK_BOT_TOKEN", BotHarness.TOKEN, "SLACK_SIGNING_SECRET", BotHarness.SECRET,
                "SLACK_API_URL", "http://127.0.0.1:9/api/"));

        assertThat(status).isEqualTo(1);
        assertThat(printed()).singleElement().asString().startsWith("problem: Could not reach Slack (")
                .endsWith("): check the network, and SLACK_API_URL if it is set.");
    }

    @Test
    void without_a_token_there_is_nothing_to_check_and_it_says_so() throws Exception {
        assertThat(doctor(Map.of())).isEqualTo(1);
        assertThat(printed()).singleElement().asString().startsWith("problem: SLACK_BOT_TOKEN is not set");
    }

    @Test
    void bad_settings_are_named_as_when_the_bot_starts() throws Exception {
        assertThat(doctor(Map.of("SLACK_BOT_TOKEN", BotHarness.TOKEN))).isEqualTo(Escalate.BAD_SETTINGS);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("escalate: SLACK_SIGNING_SECRET is required");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
