package app.escalate.bot;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The set-up check after start-up (what {@code doctor} asks): what it finds wrong reaches the
 * operator in {@code /healthz}'s details, and it never holds up the start or the bot's work.
 */
class SlackSetupEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    /** The {@code slack_setup} lines of the health details, once the check has run. */
    private Optional<List<String>> setupProblems() throws Exception {
        JsonObject health = JsonParser.parseString(harness.get("/healthz").body()).getAsJsonObject();
        if (!health.has("slack_setup")) return Optional.empty();
        JsonArray lines = health.getAsJsonArray("slack_setup");
        return Optional.of(StreamSupport.stream(lines.spliterator(), false).map(JsonElement::getAsString).toList());
    }

    private List<String> awaitSetupProblems() {
        return await().atMost(WAIT).until(this::setupProblems, Optional::isPresent).orElseThrow();
    }

    @Test
    void a_workspace_set_up_as_the_readme_says_shows_no_problem() {
        assertThat(awaitSetupProblems()).isEmpty();
    }

    @Test
    void a_missing_scope_and_a_channel_the_bot_is_not_in_are_in_the_health_details_and_the_bot_works_all_the_same() throws Exception {
        harness.slack.revokeScope("groups:write");
        harness.slack.withoutBot("esc-leadership");
        harness.restart();

        assertThat(awaitSetupProblems()).containsExactly(
                "The app lacks the scope `groups:write` (private channels for restricted cases). "
                        + "Ask a Slack admin to add that scope to the app and reinstall it.",
                "Invite @Escalate to #esc-leadership (type `/invite @Escalate` there).");
        assertThat(harness.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(harness.esc(MARIA, "C0TEAM", "open Deepfake of a minister spreading").get("text").getAsString())
                .contains("Opened *ESC-1*");
    }

    @Test
    void a_token_slack_refuses_is_named_in_the_health_details() throws Exception {
        harness.slack.failNext("auth.test", 1_000, 200, Map.of(), "{\"ok\":false,\"error\":\"invalid_auth\"}");
        harness.restart();

        assertThat(awaitSetupProblems()).singleElement().asString()
                .startsWith("SLACK_BOT_TOKEN is wrong or revoked (Slack answered `invalid_auth`): copy the Bot User OAuth Token");
        assertThat(harness.get("/healthz").body()).as("as an operator reads it with curl").contains("the app's OAuth & Permissions page");
    }

    @Test
    void the_bot_starts_and_serves_while_slack_has_not_answered_the_check() throws Exception {
        awaitSetupProblems();   // the first start's check is done: the next one is the one held up
        harness.slack.stallAfterDoing(call -> call.method().equals("conversations.list"));
        harness.restart();

        assertThat(harness.slack.awaitStall(WAIT)).as("the check is waiting on Slack").isTrue();
        assertThat(harness.esc(MARIA, "C0TEAM", "open Deepfake of a minister spreading").get("text").getAsString())
                .contains("Opened *ESC-1*");
        assertThat(setupProblems()).as("nothing to show until the check is done").isEmpty();
    }
}
